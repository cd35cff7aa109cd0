/** Response shapes of API v1, as zod schemas: they document the API (openapi.ts) and are checked in tests. */
import { z } from "zod";
import { itemErrorSchema } from "./common";
import { LIFECYCLE_STAGES } from "@/lib/shared/vocabulary";

export const ingestResponseSchema = z.object({
  accepted: z.number().int().describe("Events stored now."),
  duplicates: z
    .number()
    .int()
    .describe("Events whose id was already stored (or repeated in the batch)."),
  errors: z
    .array(itemErrorSchema)
    .describe("Rejected events, by their index in the batch; the others were stored."),
});

export const segmentResponseSchema = ingestResponseSchema.extend({
  success: z.literal(true),
  identified: z.number().int(),
});

export const receiptLineSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  kind: z.enum(["attribute", "event"]),
  points: z.number(),
  count: z.number().int(),
  matched: z.number().int(),
  decayed: z.boolean(),
  earned: z.number(),
  eventIds: z.array(z.number()),
});

const capLine = z.object({ raw: z.number(), cap: z.number().nullable(), applied: z.boolean() });

export const scoreSchema = z.object({
  total: z.number(),
  fit: z.number(),
  engagement: z.number(),
  grade: z.string().describe("Fit A–D and engagement 1–4, e.g. B2."),
  band: z.string(),
  modelVersion: z.number().int(),
  asOf: z.string().datetime(),
});

export const leadResponseSchema = z.object({
  data: z
    .object({
      id: z.guid(),
      email: z.string().nullable(),
      externalId: z.string().nullable(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      jobTitle: z.string().nullable(),
      company: z.string().nullable(),
      country: z.string().nullable(),
      stage: z.enum(LIFECYCLE_STAGES),
      score: scoreSchema.nullable(),
      receipt: z
        .object({
          lines: z.array(receiptLineSchema),
          caps: z.object({ fit: capLine, engagement: capLine, total: capLine }),
        })
        .nullable(),
    })
    .loose(),
});

export const publishResponseSchema = z.object({
  data: z.object({
    version: z.number().int(),
    leadsRescored: z.number().int(),
    ms: z.number().int(),
  }),
});

export const previewResponseSchema = z.object({
  data: z
    .object({
      leads: z.number().int(),
      changed: z.number().int(),
      newlyMql: z.number().int(),
      droppedBelow: z.number().int(),
      mqlBefore: z.number().int(),
      mqlAfter: z.number().int(),
      histogram: z.array(
        z.object({
          from: z.number(),
          to: z.number(),
          before: z.number().int(),
          after: z.number().int(),
        }),
      ),
      movers: z.array(
        z.object({
          leadId: z.guid(),
          name: z.string().nullable(),
          company: z.string().nullable(),
          before: z.number().nullable(),
          after: z.number(),
        }),
      ),
      ms: z.number().int(),
    })
    .loose(),
});
