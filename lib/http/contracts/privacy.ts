/** Contracts of privacy (GDPR): a lead's export and erasure, and the event retention setting. */
import { z } from "zod";
import { MAX_RETENTION_MONTHS, retentionInputSchema } from "@/lib/domain/privacy/retention";
import { defineContract } from "../contract";
import { data, leadIdParams } from "./common";

const at = z.iso.datetime();
const rows = (what: string) =>
  z.array(z.record(z.string(), z.unknown())).describe(`${what}, each row as stored.`);

export const leadExportSchema = z.object({
  exportedAt: at,
  lead: z
    .record(z.string(), z.unknown())
    .describe(
      "The profile as stored: email, names, company, consent (with its time and source), traits…",
    ),
  score: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe("The current score with its receipt (the rules that fired)."),
  events: rows("Every event"),
  scoreHistory: rows("Score history"),
  transitions: rows("Lifecycle transitions"),
  decisions: rows("Sales decisions (BANT, reasons, notes)"),
  touches: rows("Touches logged by reps"),
  assignments: rows("Assignments to reps"),
  slaClocks: rows("SLA clocks"),
  handoffSnapshots: rows("Rule hits as of each handoff"),
  predictions: rows("The predictive score"),
  notifications: rows("Notifications about the lead"),
  webhookMessages: rows("Webhook messages about the lead"),
  auditEntries: rows("Audit entries about the lead"),
});

export const exportLead = defineContract({
  operationId: "exportLead",
  method: "get",
  path: "/api/v1/leads/{id}/export",
  tag: "Privacy",
  summary: "Everything held on a lead, as one JSON document (GDPR access and portability)",
  description:
    "Admins, or API keys with privacy:read. The export is audited (counts only). An erased or unknown lead answers 404.",
  access: { permission: "privacy:manage", scope: "privacy:read" },
  params: leadIdParams,
  responses: {
    200: {
      description: "The lead's data, sent as a download (Content-Disposition: attachment)",
      schema: data(leadExportSchema),
    },
  },
});

const countsSchema = z
  .record(z.string(), z.number().int())
  .describe("Rows deleted, cleared or anonymised, by kind (events, scores, scoreHistory…).");

export const eraseLead = defineContract({
  operationId: "eraseLead",
  method: "delete",
  path: "/api/v1/leads/{id}",
  tag: "Privacy",
  summary: "Erase a lead (GDPR): its events, scores and history, free text and personal data",
  description:
    "Admins, or API keys with privacy:write. The lead row stays as a tombstone without personal data so report counts do not change; its email and external id are kept only as salted hashes on a suppression list, so ingestion (events, leads, Segment, imports) skips them, counted as `suppressed`. Audited without the erased data. A second erase answers 404.",
  access: { permission: "privacy:manage", scope: "privacy:write" },
  params: leadIdParams,
  responses: {
    200: {
      description: "Erased",
      schema: data(z.object({ id: z.guid(), erasedAt: at, counts: countsSchema })),
    },
  },
});

const retentionSchema = z.object({
  eventRetentionMonths: z
    .number()
    .int()
    .nullable()
    .describe(
      `Events older than this many months (1–${MAX_RETENTION_MONTHS}) are deleted daily; null: kept.`,
    ),
  updatedAt: at.nullable(),
});

export const getRetention = defineContract({
  operationId: "getRetention",
  method: "get",
  path: "/api/v1/privacy/retention",
  tag: "Privacy",
  summary: "The event retention setting",
  access: { permission: "privacy:manage", scope: "privacy:read" },
  responses: { 200: { description: "The setting", schema: data(retentionSchema) } },
});

export const saveRetention = defineContract({
  operationId: "saveRetention",
  method: "put",
  path: "/api/v1/privacy/retention",
  tag: "Privacy",
  summary: "Set the event retention (admins): delete events older than N months, or null for never",
  access: { permission: "privacy:manage", session: true },
  body: retentionInputSchema,
  responses: { 200: { description: "Saved", schema: data(retentionSchema) } },
});

export const runRetention = defineContract({
  operationId: "runRetention",
  method: "post",
  path: "/api/v1/privacy/retention/run",
  tag: "Privacy",
  summary: "Run the retention job now (it also runs daily); follow it at /api/v1/jobs/{id}",
  access: { permission: "privacy:manage", scope: "privacy:write" },
  responses: {
    202: { description: "Queued", schema: data(z.object({ jobId: z.guid() })) },
  },
});

export const PRIVACY_CONTRACTS = [exportLead, eraseLead, getRetention, saveRetention, runRetention];
