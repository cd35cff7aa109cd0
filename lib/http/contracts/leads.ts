/** Contracts of leads: the list, upserts, one lead with its score and receipt, its timeline, CRM outcomes. */
import { z } from "zod";
import { MAX_BATCH } from "@/lib/domain/ingest/schemas";
import { leadInputSchema } from "@/lib/domain/leads/lead-input";
import { listLeadsSchema } from "@/lib/domain/leads/list-leads";
import { timelineSchema } from "@/lib/domain/leads/lead-timeline";
import {
  MAX_OUTCOMES,
  outcomeBatchSchema,
  outcomeInputSchema,
  outcomesResponseSchema,
} from "@/lib/domain/outcomes/outcome-schemas";
import { fieldConditionSchema } from "@/lib/domain/scoring/model";
import { LIFECYCLE_STAGES } from "@/lib/shared/vocabulary";
import { defineContract } from "../contract";
import { data, itemErrorSchema, leadIdParams } from "./common";
import { leadPredictionSchema } from "./predict-responses";
import { leadResponseSchema } from "./responses";
import { leadSalesSchema } from "./sales-responses";

const at = z.iso.datetime();

export const leadSummarySchema = z.object({
  id: z.guid(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  company: z.string().nullable(),
  country: z.string().nullable(),
  stage: z.enum(LIFECYCLE_STAGES),
  owner: z.object({ id: z.guid(), name: z.string().nullable() }).nullable(),
  score: z.object({ total: z.number(), grade: z.string() }).nullable(),
  updatedAt: at,
});

export const listLeads = defineContract({
  operationId: "listLeads",
  method: "get",
  path: "/api/v1/leads",
  tag: "Leads",
  summary: "List leads (search, filter by email, stage, owner; pages or a keyset cursor)",
  description: "A rep sees their own leads, a manager their team's and the unassigned ones.",
  access: { permission: "leads:read", scope: "leads:read" },
  query: listLeadsSchema,
  responses: {
    200: {
      description: "A page of leads",
      schema: z.object({
        data: z.array(leadSummarySchema),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z
          .number()
          .int()
          .describe(
            "Leads matching, counted up to 10,000 (or up to this page when deeper): exact when `totalIsExact`, otherwise a lower bound.",
          ),
        totalIsExact: z.boolean().describe("False when more leads match than were counted."),
        hasMore: z.boolean().describe("Whether a page follows this one."),
        pageCount: z
          .number()
          .int()
          .describe("Exact when `totalIsExact`; otherwise the pages known so far."),
        nextCursor: z
          .string()
          .nullable()
          .describe("Pass as `cursor` for the next page (recent order)."),
      }),
    },
  },
});

const upsertedSchema = z.object({ index: z.number().int(), id: z.guid(), created: z.boolean() });

export const upsertLeads = defineContract({
  operationId: "upsertLeads",
  method: "post",
  path: "/api/v1/leads",
  tag: "Leads",
  summary: `Create or update leads by email or external id: one lead, or { leads: [ … ] } (at most ${MAX_BATCH})`,
  description:
    "In a batch, each lead is validated alone: a refused lead is reported by index and the others are saved.",
  access: { permission: "leads:write", scope: "leads:write" },
  body: z.union([z.object({ leads: z.array(z.unknown()) }), z.record(z.string(), z.unknown())]),
  batchItems: "leads",
  documentedBody: z.union([
    leadInputSchema,
    z.object({ leads: z.array(leadInputSchema).max(MAX_BATCH) }),
  ]),
  maxBodyBytes: 4_000_000,
  responses: {
    200: {
      description: "Updated (one lead), or the batch's results",
      schema: z.union([
        data(upsertedSchema),
        z.object({
          data: z.array(upsertedSchema),
          created: z.number().int(),
          updated: z.number().int(),
          suppressed: z
            .number()
            .int()
            .describe("Leads whose email or external id belongs to an erased lead: skipped."),
          errors: z.array(itemErrorSchema),
        }),
        z
          .object({ data: z.null(), suppressed: z.literal(1) })
          .describe("One lead, skipped: its email or external id belongs to an erased lead."),
      ]),
    },
    201: { description: "Created (one lead)", schema: data(upsertedSchema) },
  },
});

const transitionSchema = z.object({
  at,
  from: z.enum(LIFECYCLE_STAGES).nullable(),
  to: z.enum(LIFECYCLE_STAGES),
  actor: z.object({
    type: z.string().describe("user, api_key or system"),
    id: z.string().nullable(),
  }),
  reason: z.string().describe("Why: threshold_reached, accept, reject, crm_won…"),
  note: z.string().nullable(),
  score: z
    .object({ total: z.number(), fit: z.number().nullable(), engagement: z.number().nullable() })
    .nullable(),
  modelVersion: z.number().int().nullable(),
  data: z.record(z.string(), z.unknown()),
});

/** Everything the API tells about one lead. */
export const leadDetailSchema = leadResponseSchema.shape.data
  .extend({
    seniority: z.string().nullable(),
    industry: z.string().nullable(),
    companySize: z.number().int().nullable(),
    phone: z.string().nullable(),
    source: z.string().nullable(),
    consent: z.object({
      given: z.boolean(),
      at: at.nullable(),
      source: z.string().nullable().describe("Where it was collected: web_form, import, api…"),
    }),
    traits: z.record(z.string(), z.unknown()),
    owner: z
      .object({ id: z.guid(), name: z.string().nullable(), team: z.string().nullable() })
      .nullable(),
    nurtureTrack: z.string().nullable().describe("The nurture track of the lead's band."),
    fitGate: z
      .object({ passes: z.boolean(), excludedBy: z.array(fieldConditionSchema) })
      .nullable()
      .describe("Whether it passes the live model's fit gate, and the conditions that exclude it."),
    missingFields: z.array(z.string()).describe("Fields sales needs that the lead lacks."),
    transitions: z.array(transitionSchema),
    createdAt: at,
    updatedAt: at,
  })
  .extend(leadSalesSchema.shape)
  .extend({ prediction: leadPredictionSchema.nullable() })
  .strip();

export const getLead = defineContract({
  operationId: "getLead",
  method: "get",
  path: "/api/v1/leads/{id}",
  tag: "Leads",
  summary:
    "A lead with its score and receipt, lifecycle transitions, decisions, touches, SLA clocks and prediction",
  description: "A lead outside your scope answers 404, like an unknown one.",
  access: { permission: "leads:read", scope: "leads:read" },
  params: leadIdParams,
  responses: {
    200: {
      description: "The lead",
      schema: data(
        leadResponseSchema.shape.data
          .extend(leadSalesSchema.shape)
          .extend({ prediction: leadPredictionSchema.nullable() }),
      ),
    },
  },
});

export const timelineEventSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  properties: z.record(z.string(), z.unknown()),
  occurredAt: at,
  source: z.string().describe("How it arrived: api, segment, seed…"),
});

export const listLeadEvents = defineContract({
  operationId: "listLeadEvents",
  method: "get",
  path: "/api/v1/leads/{id}/events",
  tag: "Leads",
  summary:
    "A lead's events, newest first, in keyset pages (or only given ids: the events behind a receipt line)",
  access: { permission: "leads:read", scope: "leads:read" },
  params: leadIdParams,
  query: timelineSchema,
  responses: {
    200: {
      description: "A page of events and the cursor of the next",
      schema: z.object({
        data: z.array(timelineEventSchema),
        next: z.object({ before: at, beforeId: z.number().int() }).nullable(),
      }),
    },
  },
});

export const recordOutcomes = defineContract({
  operationId: "recordOutcomes",
  method: "post",
  path: "/api/v1/outcomes",
  tag: "Leads",
  summary: `Record a lead's history from the CRM (handed over, accepted, qualified, rejected, disqualified, opportunity, won, lost), each at its date, at most ${MAX_OUTCOMES} per call`,
  description:
    "Rejected and disqualified need a reasonCode from the reject / disqualify list; `customer` is the older name of `won`. The stage only moves forward, except an exit (rejected, disqualified, lost) dated after the lead's last step; the same lead, stage and date is recorded once (without `at`, the same lead and stage). Each item is validated alone: 200 when any item was recorded or skipped, 400 (with the same data) when every item was refused.",
  access: { permission: "leads:write", scope: "leads:write" },
  body: outcomeBatchSchema,
  batchItems: "outcomes",
  documentedBody: z.object({ outcomes: z.array(outcomeInputSchema).min(1).max(MAX_OUTCOMES) }),
  maxBodyBytes: 2_000_000,
  responses: {
    200: { description: "Counts and per-item errors", schema: outcomesResponseSchema },
    400: {
      description: "Every item was refused: the same counts and errors, with an error code",
      schema: outcomesResponseSchema.extend({
        error: z.object({ code: z.literal("validation_failed"), message: z.string() }),
      }),
    },
  },
});

export const LEADS_CONTRACTS = [listLeads, upsertLeads, getLead, listLeadEvents, recordOutcomes];
