/** Contracts of ingestion: the REST events endpoint and the Segment-compatible tracking API. */
import { z } from "zod";
import { eventBatchSchema, eventInputSchema, MAX_BATCH } from "@/lib/domain/ingest/schemas";
import { SEGMENT_TYPES } from "@/lib/domain/ingest/segment";
import { defineContract } from "../contract";
import { itemErrorSchema } from "./common";

export const ingestResultSchema = z.object({
  accepted: z.number().int().describe("Events stored now."),
  duplicates: z
    .number()
    .int()
    .describe("Events whose id was already stored (or repeated in the batch)."),
  suppressed: z
    .number()
    .int()
    .describe(
      "Items about an erased lead (its id, email or user id is on the suppression list): skipped.",
    ),
  errors: z
    .array(itemErrorSchema)
    .describe("Refused events, by their index in the batch; the others were stored."),
});

export const ingestEvents = defineContract({
  operationId: "ingestEvents",
  method: "post",
  path: "/api/v1/events",
  tag: "Ingestion",
  summary: `Ingest events (at most ${MAX_BATCH} per call), stored and scored in one transaction`,
  description:
    "Each event carries an `id`, its idempotency key: the same id twice is stored once. Events are validated one by one: a bad event is reported by its index and never rejects the good ones.",
  access: { scope: "events:write" },
  body: eventBatchSchema,
  batchItems: "events",
  documentedBody: z.object({ events: z.array(eventInputSchema).min(1).max(MAX_BATCH) }),
  maxBodyBytes: 8_000_000,
  responses: { 200: { description: "Counts and per-event errors", schema: ingestResultSchema } },
});

export const segmentTypeSchema = z.enum(["batch", ...SEGMENT_TYPES]);

export const ingestSegment = defineContract({
  operationId: "ingestSegment",
  method: "post",
  path: "/api/segment/v1/{type}",
  tag: "Ingestion",
  summary: "Segment-compatible tracking API: batch, identify, track, page (gzip accepted)",
  description:
    "Point any Segment, RudderStack or Jitsu source here with an Accord API key as the write key (HTTP Basic username, empty password). `messageId` is the idempotency key; `identify` creates or updates the lead.",
  access: { scope: "events:write" },
  params: z.object({ type: segmentTypeSchema.describe("The Segment call.") }),
  rawBody: {
    contentType: "application/json",
    schema: z
      .object({ batch: z.array(z.record(z.string(), z.unknown())).max(MAX_BATCH).optional() })
      .catchall(z.unknown())
      .describe("A Segment message, or { batch: [messages] } for the batch call."),
  },
  maxBodyBytes: 8_000_000,
  responses: {
    200: {
      description: "Counts and per-message errors",
      schema: ingestResultSchema.extend({ success: z.literal(true), identified: z.number().int() }),
    },
  },
});

export const INGEST_CONTRACTS = [ingestEvents, ingestSegment];
