/** Contracts of the CSV exports: the leads list with its filters, and events, decisions, transitions of a period. */
import { exportPeriodSchema } from "@/lib/domain/exports/export-history";
import { leadFilterSchema } from "@/lib/domain/leads/list-leads";
import { defineContract } from "../contract";

const readers = { permission: "leads:read", scope: "leads:read" } as const;

const scopeNote =
  "A rep exports only their own leads, a manager their team's and the unassigned ones, others (and API keys) every lead.";

const streamNote =
  "Streamed as it is read (no Content-Length): large exports start at once and never sit in memory. Cells a spreadsheet would run as a formula (starting with =, +, -, @) begin with an apostrophe.";

function csvResponses(file: string, columns: string) {
  return {
    200: {
      description: "The CSV",
      alternative: {
        contentType: "text/csv",
        description: `RFC 4180, UTF-8, a header row then one row per item: ${columns}. An attachment named ${file}.`,
      },
      headers: { "Content-Disposition": `attachment; filename="${file}"` },
    },
  } as const;
}

export const exportLeads = defineContract({
  operationId: "exportLeads",
  method: "get",
  path: "/api/v1/exports/leads",
  tag: "Exports",
  summary: "The leads list as CSV, with the list's filters (q, email, stage, owner)",
  description: `${scopeNote} ${streamNote}`,
  access: readers,
  query: leadFilterSchema,
  responses: csvResponses(
    "accord-leads-<date>.csv",
    "id, email, external_id, names, job title, seniority, company, industry, company_size, country, phone, source, consent, dates; one trait.<key> column per trait key; score, fit, engagement, grade, band, stage, owner, predicted_probability, last_decision, last_decision_reason, last_decision_at",
  ),
});

const period = {
  query: exportPeriodSchema,
  access: readers,
  tag: "Exports",
  method: "get",
} as const;

export const exportEvents = defineContract({
  ...period,
  operationId: "exportEvents",
  path: "/api/v1/exports/events",
  summary: "Events of a period as CSV (`from`, `to`: days, both included, UTC)",
  description: `${scopeNote} ${streamNote}`,
  responses: csvResponses(
    "accord-events-<date>.csv",
    "id, occurred_at, lead_id, lead_email, name, properties (JSON), source, external_id, received_at",
  ),
});

export const exportDecisions = defineContract({
  ...period,
  operationId: "exportDecisions",
  path: "/api/v1/exports/decisions",
  summary: "Sales decisions of a period as CSV (`from`, `to`: days, both included, UTC)",
  description: `${scopeNote} ${streamNote}`,
  responses: csvResponses(
    "accord-decisions-<date>.csv",
    "id, at, lead_id, lead_email, decision, reason, note, user_name, user_email, score, fit, engagement, model_version, bant (JSON)",
  ),
});

export const exportTransitions = defineContract({
  ...period,
  operationId: "exportTransitions",
  path: "/api/v1/exports/transitions",
  summary: "Lifecycle transitions of a period as CSV (`from`, `to`: days, both included, UTC)",
  description: `${scopeNote} ${streamNote}`,
  responses: csvResponses(
    "accord-transitions-<date>.csv",
    "id, at, lead_id, lead_email, from_stage, to_stage, reason, note, actor_type, actor_id, score, fit, engagement, model_version",
  ),
});

export const EXPORTS_CONTRACTS = [exportLeads, exportEvents, exportDecisions, exportTransitions];
