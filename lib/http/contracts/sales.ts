/** Contracts of the sales routes: the inbox, touches, decisions, reassignment, SLA tiers, reasons, notifications. */
import { z } from "zod";
import {
  assignInputSchema,
  decisionInputSchema,
  touchInputSchema,
} from "@/lib/domain/decisions/schemas";
import { inboxQuerySchema } from "@/lib/domain/inbox/schemas";
import { markReadSchema, notificationsQuerySchema } from "@/lib/domain/notifications/schemas";
import {
  reasonCreateSchema,
  reasonsQuerySchema,
  reasonUpdateSchema,
} from "@/lib/domain/reasons/schemas";
import { policiesInputSchema } from "@/lib/domain/sla/schemas";
import { FIT_GRADES, REASON_KINDS } from "@/lib/shared/vocabulary";
import { defineContract } from "../contract";
import { data, leadIdParams } from "./common";
import { int4Id } from "@/lib/shared/bounds";
import {
  clockSchema,
  decisionResponseSchema,
  inboxResponseSchema,
  touchResponseSchema,
} from "./sales-responses";

const at = z.iso.datetime();

export const listInbox = defineContract({
  operationId: "listInbox",
  method: "get",
  path: "/api/v1/inbox",
  tag: "Sales",
  summary:
    "The signed-in rep's open MQLs and SALs (a manager's team and the unassigned queue), most urgent SLA first, then grade, score, recency",
  description:
    "`repId` (a rep's id, or `unassigned`) narrows a manager's or an admin's inbox; reps always get their own leads. `breached=true` keeps the leads whose running clock is breached.",
  access: { permission: "inbox:read", session: true },
  query: inboxQuerySchema,
  responses: {
    200: {
      description:
        "Rows with score, grade, top receipt reasons, handoff time, SLA deadlines, touches done / required and breach flags",
      schema: inboxResponseSchema,
      headers: { "Server-Timing": "How long the inbox query took (`inbox;dur=<ms>`)." },
    },
  },
});

export const repLoadSchema = z.object({
  id: z.guid(),
  name: z.string(),
  team: z.string().nullable().describe("The rep's team's name."),
  open: z.number().int().describe("Open MQLs the rep owns."),
  capacity: z.number().int().describe("The most open MQLs routing gives the rep."),
  away: z.boolean().describe("Away right now: routing skips the rep."),
});

export const listInboxReps = defineContract({
  operationId: "listInboxReps",
  method: "get",
  path: "/api/v1/inbox/reps",
  tag: "Sales",
  summary:
    "The reps a manager can filter by and reassign to, with open MQLs, capacity and away status",
  description:
    "Active reps of the manager's team (every team's for admins), by team and name; empty for a manager in no team.",
  access: { permission: "leads:assign", session: true },
  responses: { 200: { description: "The reps", schema: data(z.array(repLoadSchema)) } },
});

export const logTouch = defineContract({
  operationId: "logTouch",
  method: "post",
  path: "/api/v1/leads/{id}/touches",
  tag: "Sales",
  summary: "Log a touch attempt (call, email, meeting, LinkedIn) on a lead you may act on",
  description:
    "The lead must be at MQL, SAL or SQL (409 otherwise). `at` may be earlier than now (a call logged afterwards), never later (422). The first touch stops the first-touch clock. Another rep's lead answers 404.",
  access: { permission: "leads:decide", session: true },
  params: leadIdParams,
  body: touchInputSchema,
  errors: ["conflict", "unprocessable"],
  responses: {
    201: {
      description: "The touch and the lead's current SLA clock",
      schema: touchResponseSchema,
    },
  },
});

const [acceptInput, qualifyInput, rejectInput, disqualifyInput] = decisionInputSchema.options;

/** The same schema the use case validates with; named options give the document its discriminator. */
const decisionBody = z.discriminatedUnion("kind", [
  acceptInput.meta({ id: "AcceptDecision", description: "MQL → SAL, with BANT." }),
  qualifyInput.meta({ id: "QualifyDecision", description: "SAL → SQL." }),
  rejectInput.meta({
    id: "RejectDecision",
    description: "MQL or SAL → recycled, with a reason from the reject list.",
  }),
  disqualifyInput.meta({
    id: "DisqualifyDecision",
    description: "MQL or SAL → disqualified, with a reason from the disqualify list.",
  }),
]);

export const decideLead = defineContract({
  operationId: "decideLead",
  method: "post",
  path: "/api/v1/leads/{id}/decisions",
  tag: "Sales",
  summary:
    "Accept (MQL → SAL, BANT), qualify (SAL → SQL), reject (→ recycled, reject reason) or disqualify (disqualify reason); recorded with the score and model version",
  description:
    "The lead must be at the decision's starting stage (409 otherwise). The reason must be on the active list of its kind, and rejecting for `no_response` needs the SLA tier's minimum touch attempts first (422 with the field's message). Accept, reject and disqualify close the SLA clock. Another rep's lead answers 404.",
  access: { permission: "leads:decide", session: true },
  params: leadIdParams,
  body: decisionBody,
  errors: ["conflict", "unprocessable"],
  responses: {
    201: {
      description: "The decision and the lead's new stage",
      schema: decisionResponseSchema,
    },
  },
});

export const reassignLead = defineContract({
  operationId: "reassignLead",
  method: "post",
  path: "/api/v1/leads/{id}/assign",
  tag: "Sales",
  summary:
    "Reassign an open MQL or SAL to another rep of your team (managers); the SLA clock restarts",
  description:
    "Admins may choose any active rep. The lead must be at MQL or SAL (409 otherwise); a rep outside your team, inactive, or already the owner answers 422.",
  access: { permission: "leads:assign", session: true },
  params: leadIdParams,
  body: assignInputSchema,
  errors: ["conflict", "unprocessable"],
  responses: {
    200: {
      description: "The new owner and the SLA clock started for them",
      schema: data(
        z.object({
          leadId: z.guid(),
          owner: z.object({ id: z.guid(), name: z.string(), teamId: z.guid().nullable() }),
          sla: clockSchema.nullable().describe("The new clock; null when no tier applies."),
        }),
      ),
    },
  },
});

export const slaPolicySchema = z.object({
  id: z.number().int(),
  position: z.number().int().describe("Order of evaluation, from 0."),
  name: z.string(),
  minFitGrade: z.enum(FIT_GRADES).nullable().describe("Applies from this fit grade up."),
  minScore: z.number().nullable().describe("Applies from this total score up."),
  firstTouchMinutes: z.number().int().describe("Business minutes to the first touch."),
  minTouches: z.number().int().describe("Touch attempts before “no response” may be given."),
  touchWindowDays: z.number().int().describe("Business days to make them."),
  reassignOnBreach: z.boolean().describe("A breached MQL goes to the team's next rep."),
});

export const listSlaPolicies = defineContract({
  operationId: "listSlaPolicies",
  method: "get",
  path: "/api/v1/sla-policies",
  tag: "Sales",
  summary: "The SLA tiers in order (the first a lead meets applies)",
  description:
    "A tier applies when the lead's fit grade reaches `minFitGrade` or its total reaches `minScore`; a tier with neither applies to every lead.",
  access: { permission: "sla:read", session: true },
  responses: { 200: { description: "The tiers", schema: data(z.array(slaPolicySchema)) } },
});

export const replaceSlaPolicies = defineContract({
  operationId: "replaceSlaPolicies",
  method: "put",
  path: "/api/v1/sla-policies",
  tag: "Sales",
  summary: "Replace the SLA tiers (admins and managers); running clocks keep their terms",
  description:
    "Saved in the order given: tiers with an `id` are updated, tiers without one created, and tiers left out removed. An `id` that no longer exists answers 422.",
  access: { permission: "settings:sales", session: true },
  body: policiesInputSchema,
  errors: ["unprocessable"],
  responses: {
    200: { description: "The saved tiers", schema: data(z.array(slaPolicySchema)) },
  },
});

export const reasonSchema = z.object({
  id: z.number().int(),
  kind: z.enum(REASON_KINDS),
  code: z.string().describe("What decisions record as `reasonCode`."),
  labels: z.object({ en: z.string(), fr: z.string() }),
  position: z.number().int().describe("Place in its list, from 0."),
  archived: z.boolean(),
  archivedAt: at.nullable(),
});

export const listReasons = defineContract({
  operationId: "listReasons",
  method: "get",
  path: "/api/v1/reasons",
  tag: "Sales",
  summary: "The agreed reject and disqualify reasons, in order, labelled in English and French",
  description:
    "Active reasons only; `includeArchived=true` adds the archived ones for admins and managers (reps get the active ones regardless).",
  access: { permission: "reasons:read", session: true },
  query: reasonsQuerySchema,
  responses: {
    200: { description: "The reasons, by kind and position", schema: data(z.array(reasonSchema)) },
  },
});

export const createReason = defineContract({
  operationId: "createReason",
  method: "post",
  path: "/api/v1/reasons",
  tag: "Sales",
  summary: "Add a reason (admins and managers)",
  description:
    "At `position` in its list (the end when omitted). A code already on the list, even archived, answers 409 (also when two people add it at once).",
  access: { permission: "settings:sales", session: true },
  body: reasonCreateSchema,
  errors: ["conflict"],
  responses: { 201: { description: "The reason", schema: data(reasonSchema) } },
});

const reasonIdParams = z.object({
  id: int4Id().describe("The reason's id."),
});

export const updateReason = defineContract({
  operationId: "updateReason",
  method: "patch",
  path: "/api/v1/reasons/{id}",
  tag: "Sales",
  summary: "Relabel, move, archive or restore a reason (admins and managers)",
  access: { permission: "settings:sales", session: true },
  params: reasonIdParams,
  body: reasonUpdateSchema,
  responses: { 200: { description: "The reason", schema: data(reasonSchema) } },
});

export const deleteReason = defineContract({
  operationId: "deleteReason",
  method: "delete",
  path: "/api/v1/reasons/{id}",
  tag: "Sales",
  summary: "Delete a reason never used; one a decision has used is archived instead",
  access: { permission: "settings:sales", session: true },
  params: reasonIdParams,
  responses: {
    200: {
      description: "Whether it was deleted, or the reason as archived",
      schema: data(
        z.object({
          deleted: z.boolean(),
          reason: reasonSchema.nullable().describe("The archived reason; null when deleted."),
        }),
      ),
    },
  },
});

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string().describe("sla_breach_first_touch or sla_breach_touches, so far."),
  leadId: z.guid().nullable(),
  data: z
    .record(z.string(), z.unknown())
    .describe(
      "What the kind needs to be shown. SLA breaches: clockId, breach (first_touch or touches), due, leadName, repId, repName, and reassignedToId and reassignedToName when the tier reassigns on breach (else null).",
    ),
  createdAt: at,
  readAt: at.nullable(),
});

export const listNotifications = defineContract({
  operationId: "listNotifications",
  method: "get",
  path: "/api/v1/notifications",
  tag: "Sales",
  summary: "Your notifications (SLA breaches for managers), newest first, with the unread count",
  description:
    "At most `limit` (50 by default); pass the last id as `before` for the next page. `unread=true` keeps the unread ones.",
  access: { permission: "notifications:read", session: true },
  query: notificationsQuerySchema,
  responses: {
    200: {
      description: "A page of notifications and how many are unread in all",
      schema: z.object({ data: z.array(notificationSchema), unread: z.number().int() }),
    },
  },
});

export const markNotificationsRead = defineContract({
  operationId: "markNotificationsRead",
  method: "post",
  path: "/api/v1/notifications/read",
  tag: "Sales",
  summary: "Mark notifications read: { ids } or { all: true }",
  description: "Only your own unread notifications change; other ids are ignored.",
  access: { permission: "notifications:read", session: true },
  body: markReadSchema,
  responses: {
    200: {
      description: "How many were marked",
      schema: data(z.object({ marked: z.number().int() })),
    },
  },
});

export const SALES_CONTRACTS = [
  listInbox,
  listInboxReps,
  logTouch,
  decideLead,
  reassignLead,
  listSlaPolicies,
  replaceSlaPolicies,
  listReasons,
  createReason,
  updateReason,
  deleteReason,
  listNotifications,
  markNotificationsRead,
];
