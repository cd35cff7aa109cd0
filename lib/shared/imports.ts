/**
 * The vocabulary of CSV imports, shared by the server and the browser (the /import page): what a
 * file can hold, what each column can be mapped to, the stages of a dated history and the codes
 * of row errors. Plain constants, no zod or drizzle.
 */

/** What one file holds; `leads_outcomes` is the usual CRM export: leads with their outcome columns. */
export const IMPORT_KINDS = ["leads", "events", "outcomes", "leads_outcomes"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The stages of a lead's history an import (or the outcomes API) can record, each at its date. */
export const HISTORY_STAGES = [
  "handed_over",
  "accepted",
  "qualified",
  "rejected",
  "disqualified",
  "opportunity",
  "won",
  "lost",
] as const;
export type HistoryStage = (typeof HISTORY_STAGES)[number];

/** Stages that need a reason code (from the reject / disqualify lists, or a free code for lost). */
export const STAGES_WITH_REASON = ["rejected", "disqualified"] as const;

/** A column with one date per stage (HubSpot's "Became a … Date", Salesforce's "Converted Date"). */
export const STAGE_DATE_FIELDS = {
  handedOverAt: "handed_over",
  acceptedAt: "accepted",
  qualifiedAt: "qualified",
  rejectedAt: "rejected",
  disqualifiedAt: "disqualified",
  opportunityAt: "opportunity",
  wonAt: "won",
  lostAt: "lost",
} as const satisfies Record<string, HistoryStage>;
export type StageDateField = keyof typeof STAGE_DATE_FIELDS;

export const LEAD_FIELDS = [
  "email",
  "externalId",
  "firstName",
  "lastName",
  "fullName",
  "company",
  "jobTitle",
  "seniority",
  "industry",
  "companySize",
  "country",
  "phone",
  "source",
  "consent",
  "consentAt",
  "consentSource",
  "createdAt",
] as const;
export const EVENT_FIELDS = ["email", "externalId", "eventName", "occurredAt", "eventId"] as const;
export const OUTCOME_FIELDS = [
  "email",
  "externalId",
  "stage",
  "outcomeAt",
  "reason",
  "ownerEmail",
  "note",
  ...(Object.keys(STAGE_DATE_FIELDS) as StageDateField[]),
] as const;

/** Every field a column can be mapped to, whatever the kind. */
export const IMPORT_FIELDS = [
  ...LEAD_FIELDS,
  "eventName",
  "occurredAt",
  "eventId",
  "stage",
  "outcomeAt",
  "reason",
  "ownerEmail",
  "note",
  ...(Object.keys(STAGE_DATE_FIELDS) as StageDateField[]),
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The fields a kind accepts. */
export const FIELDS_BY_KIND: Record<ImportKind, readonly ImportField[]> = {
  leads: LEAD_FIELDS,
  events: EVENT_FIELDS,
  outcomes: OUTCOME_FIELDS,
  leads_outcomes: [
    ...LEAD_FIELDS,
    ...OUTCOME_FIELDS.filter((f) => f !== "email" && f !== "externalId"),
  ],
};

/** A trait keeps its type: a number stays a number, a date a date (ISO), yes/no a boolean. */
export const TRAIT_TYPES = ["text", "number", "date", "boolean"] as const;
export type TraitType = (typeof TRAIT_TYPES)[number];

/** How dates like 03/04/2024 are read; asked when a file's dates fit both. */
export const DATE_ORDERS = ["dmy", "mdy", "ymd"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const IMPORT_DELIMITERS = [",", ";", "\t"] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];

export const IMPORT_ENCODINGS = ["utf-8", "windows-1252"] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** Header presets: suggestions tuned to a CRM's export headers. */
export const IMPORT_PRESETS = ["hubspot", "salesforce"] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

/** Why one row (or one cell) was refused; the page translates each code. */
export const IMPORT_ROW_ERRORS = [
  "missing_key",
  "bad_email",
  "bad_date",
  "future_date",
  "bad_number",
  "bad_boolean",
  "unknown_country",
  "unknown_stage",
  "unknown_reason",
  "missing_reason",
  "missing_field",
  "unknown_lead",
  "unknown_owner",
  "too_long",
  "wrong_column_count",
  "duplicate_in_file",
  "line_too_long",
  "external_id_taken",
] as const;
export type ImportRowError = (typeof IMPORT_ROW_ERRORS)[number];

/** Why a whole file was refused (422, field `file` or `mapping`). */
export const IMPORT_FILE_PROBLEMS = [
  "empty",
  "header_only",
  "not_csv",
  "line_too_long",
  "too_large",
  "missing_key_column",
  "date_order_needed",
  "unknown_column",
  "duplicate_field",
] as const;
export type ImportFileProblem = (typeof IMPORT_FILE_PROBLEMS)[number];

/** Where an import stands; mirrors its job. */
export const IMPORT_STATES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2_000_000;
/** A longer line is refused (a 10 MB line is not a CSV row). */
export const MAX_LINE_BYTES = 1024 * 1024;
