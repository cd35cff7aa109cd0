/** The import's inputs and answers, in zod: the mapping a person (or a saved mapping) gives. */
import { z } from "zod";
import {
  DATE_ORDERS,
  HISTORY_STAGES,
  IMPORT_DELIMITERS,
  IMPORT_ENCODINGS,
  IMPORT_FIELDS,
  IMPORT_FILE_PROBLEMS,
  IMPORT_KINDS,
  IMPORT_PRESETS,
  IMPORT_ROW_ERRORS,
  IMPORT_STATES,
  TRAIT_TYPES,
} from "@/lib/shared/imports";

/** A trait key as stored: lower case, words joined by `_` (normalised once from the header). */
export const TRAIT_KEY = /^[a-z0-9][a-z0-9_]{0,63}$/;

export const columnTargetSchema = z
  .discriminatedUnion("to", [
    z.object({ to: z.literal("field"), field: z.enum(IMPORT_FIELDS) }),
    z.object({
      to: z.literal("trait"),
      key: z
        .string()
        .regex(TRAIT_KEY, "A trait key is lower case letters, digits and _ (e.g. annual_revenue).")
        .optional()
        .describe("Default: the header, normalised (spaces and case)."),
      label: z.string().trim().max(200).optional().describe("Default: the header as written."),
      type: z.enum(TRAIT_TYPES),
    }),
    z.object({ to: z.literal("ignore") }),
  ])
  .describe(
    "field: a lead / event / outcome field; trait: a typed custom trait (for events: a property); ignore.",
  )
  .meta({ id: "ImportColumnTarget" });
export type ColumnTarget = z.output<typeof columnTargetSchema>;

export const importMappingSchema = z
  .object({
    columns: z
      .array(
        z.object({
          index: z.number().int().min(0).max(999).describe("0-based column position."),
          header: z.string().max(500).optional().describe("The header, checked when given."),
          target: columnTargetSchema,
        }),
      )
      .max(1000)
      .describe("Columns not listed are ignored."),
    dateOrder: z
      .enum(DATE_ORDERS)
      .optional()
      .describe("Required when the file's dates fit both dd/mm and mm/dd (inspect says so)."),
    hasHeader: z.boolean().optional().describe("Default: as detected."),
    delimiter: z.enum(IMPORT_DELIMITERS).optional().describe("Default: as detected."),
    encoding: z.enum(IMPORT_ENCODINGS).optional().describe("Default: as detected."),
  })
  .meta({ id: "ImportMapping" });
export type ImportMapping = z.output<typeof importMappingSchema>;

export const importRowErrorSchema = z
  .object({
    line: z.number().int().describe("1-based line of the file (the header is line 1)."),
    column: z.string().nullable().describe("The column's header (or #n without header)."),
    code: z.enum(IMPORT_ROW_ERRORS),
    message: z.string().describe("In English; the page translates `code`."),
    value: z.string().nullable().describe("The refused value (cut at 200 characters)."),
  })
  .meta({ id: "ImportRowError" });
export type ImportRowErrorView = z.output<typeof importRowErrorSchema>;

export const importFileProblemSchema = z.object({
  code: z.enum(IMPORT_FILE_PROBLEMS),
  message: z.string(),
});

export const inspectionSchema = z
  .object({
    uploadId: z
      .guid()
      .describe("The stored file: pass it to POST /imports instead of uploading it again."),
    fileName: z.string(),
    bytes: z.number().int(),
    encoding: z.enum(IMPORT_ENCODINGS),
    bom: z.boolean(),
    delimiter: z.enum(IMPORT_DELIMITERS),
    hasHeader: z.boolean(),
    headers: z.array(z.string()).describe("As written, or #1, #2… without a header row."),
    rows: z.array(z.array(z.string())).describe("The first rows (at most 20) after the header."),
    suggestedKind: z.enum(IMPORT_KINDS),
    preset: z.enum(IMPORT_PRESETS).nullable().describe("The CRM export the headers look like."),
    mapping: importMappingSchema.describe("Suggested from the header names (and the preset)."),
    dateOrder: z.object({
      detected: z.enum(DATE_ORDERS).nullable(),
      ambiguous: z
        .boolean()
        .describe("True: every date seen fits dd/mm and mm/dd; ask, then send mapping.dateOrder."),
      samples: z.array(z.string()).describe("Dates that fit both orders."),
    }),
    problems: z
      .array(importFileProblemSchema)
      .describe("Why this file cannot be imported as it is (empty, header only, not a CSV…)."),
  })
  .meta({ id: "ImportInspection" });
export type Inspection = z.output<typeof inspectionSchema>;

export const importCountsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int().describe("Already there (a re-run) or repeated in the file."),
  failed: z.number().int().describe("Rows refused; listed in errors and failed.csv."),
});
export type ImportCounts = z.output<typeof importCountsSchema>;

export const importSchema = z
  .object({
    id: z.guid(),
    jobId: z.guid().nullable(),
    kind: z.enum(IMPORT_KINDS),
    dryRun: z.boolean(),
    fileName: z.string(),
    bytes: z.number().int(),
    uploadId: z.guid(),
    state: z.enum(IMPORT_STATES),
    progress: z.object({
      done: z.number().int().describe("Rows read so far."),
      total: z.number().int().nullable().describe("Rows in the file, once counted."),
    }),
    counts: importCountsSchema.describe("For a dry run: what the import would do."),
    outcomes: z
      .object({ created: z.number().int(), skipped: z.number().int() })
      .describe("History steps (handoffs, decisions, outcomes) recorded, for files with them."),
    errors: z.array(importRowErrorSchema).describe("The first 100 row errors, by line."),
    errorCount: z.number().int(),
    failedCsv: z
      .string()
      .nullable()
      .describe("Path of the failed rows as CSV (null when none failed)."),
    error: z.string().nullable().describe("Why the import as a whole failed."),
    notes: z
      .array(z.string())
      .describe("Things to know, e.g. outcomes only start at a later date than leads."),
    requestedBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Import" });
export type ImportView = z.output<typeof importSchema>;

export const savedMappingSchema = z
  .object({
    id: z.guid(),
    name: z.string(),
    kind: z.enum(IMPORT_KINDS),
    mapping: importMappingSchema,
    createdAt: z.iso.datetime(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: "ImportSavedMapping" });

export const saveMappingSchema = z.object({
  name: z.string().trim().min(1, "Name the mapping.").max(100),
  kind: z.enum(IMPORT_KINDS),
  mapping: importMappingSchema,
});

export { HISTORY_STAGES };
