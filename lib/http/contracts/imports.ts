/**
 * Contracts of CSV imports: inspect a file (delimiter, encoding, header, first rows, a suggested
 * mapping), start an import or a dry run (a job), follow it, download its failed rows, cancel it;
 * saved mappings. Leads, events and combined files: admins and marketers; outcomes also managers
 * (checked per kind by the handler); API keys with `imports:write`.
 */
import { z } from "zod";
import {
  importMappingSchema,
  importSchema,
  inspectionSchema,
  savedMappingSchema,
  saveMappingSchema,
} from "@/lib/domain/imports/schemas";
import { IMPORT_KINDS, MAX_IMPORT_BYTES } from "@/lib/shared/imports";
import { defineContract } from "../contract";
import { data } from "./common";

const access = { permission: "imports:write", scope: "imports:write" } as const;
const importParams = z.object({ id: z.guid().describe("The import's id.") });
const binary = z.string().meta({ format: "binary" });

export const inspectImport = defineContract({
  operationId: "inspectImport",
  method: "post",
  path: "/api/v1/imports/inspect",
  tag: "Imports",
  summary: "Upload a CSV and see how it reads: delimiter, encoding, header, first rows, a mapping",
  description:
    "The file is streamed to storage (never whole in memory) and kept as an upload: pass its `uploadId` to POST /api/v1/imports. Delimiters `,` `;` tab; UTF-8 (with or without BOM) and Windows-1252. When the dates fit both dd/mm and mm/dd, `dateOrder.ambiguous` is true: ask, then send `mapping.dateOrder`. A file that cannot be imported answers 200 with its `problems` (the page explains them).",
  access,
  rawBody: {
    contentType: "multipart/form-data",
    schema: z.object({
      file: binary.describe("The CSV file (at most 1 GB)."),
      kind: z.enum(IMPORT_KINDS).optional().describe("When known, suggestions for this kind."),
    }),
  },
  maxBodyBytes: MAX_IMPORT_BYTES,
  errors: ["unprocessable"],
  responses: { 200: { description: "How the file reads", schema: data(inspectionSchema) } },
});

export const createImport = defineContract({
  operationId: "createImport",
  method: "post",
  path: "/api/v1/imports",
  tag: "Imports",
  summary: "Import a CSV (or dry-run it) as a background job",
  description:
    "Send the file, or the `uploadId` of an inspected one. `mapping` is JSON (ImportMapping); without it the suggested mapping is used. With `dryRun=true` nothing is written: the job counts what would be created, updated and skipped and lists every bad row. Good rows are never held back by bad ones; running the same file again changes nothing (leads by email / external id, events by id or a hash of lead, name, time and properties, outcomes by lead, stage and date). Follow it at GET /api/v1/imports/{id}. 422 when the file or the mapping cannot work (field `file` or `mapping…`): empty, header only, not a CSV, no key column, dates needing `dateOrder`.",
  access,
  rawBody: {
    contentType: "multipart/form-data",
    schema: z.object({
      file: binary.optional().describe("The CSV file (at most 1 GB); or uploadId."),
      uploadId: z.guid().optional().describe("An upload from POST /api/v1/imports/inspect."),
      kind: z.enum(IMPORT_KINDS),
      mapping: z.string().optional().describe("ImportMapping as JSON."),
      mappingId: z.guid().optional().describe("A saved mapping, instead of `mapping`."),
      dryRun: z.enum(["true", "false"]).optional().describe("Default false."),
    }),
  },
  maxBodyBytes: MAX_IMPORT_BYTES,
  errors: ["unprocessable"],
  responses: {
    202: { description: "The import, queued", schema: data(importSchema) },
  },
});

export const listImports = defineContract({
  operationId: "listImports",
  method: "get",
  path: "/api/v1/imports",
  tag: "Imports",
  summary: "The latest imports and dry runs, newest first",
  access,
  query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
  responses: { 200: { description: "Imports", schema: data(z.array(importSchema)) } },
});

export const getImport = defineContract({
  operationId: "getImport",
  method: "get",
  path: "/api/v1/imports/{id}",
  tag: "Imports",
  summary: "Where an import stands: state, progress, counts and the first row errors",
  access,
  params: importParams,
  responses: { 200: { description: "The import", schema: data(importSchema) } },
});

export const getImportFailedRows = defineContract({
  operationId: "getImportFailedRows",
  method: "get",
  path: "/api/v1/imports/{id}/failed.csv",
  tag: "Imports",
  summary: "The rows that failed, as CSV: the file's own columns, then line and error",
  description:
    "Fix them and import this file again: the rows already imported are skipped. Values starting with = + - @ are defused.",
  access,
  params: importParams,
  responses: {
    200: {
      description: "The failed rows",
      alternative: { contentType: "text/csv", description: "RFC 4180, UTF-8 with BOM." },
    },
  },
});

export const cancelImport = defineContract({
  operationId: "cancelImport",
  method: "post",
  path: "/api/v1/imports/{id}/cancel",
  tag: "Imports",
  summary: "Cancel a queued or running import: it stops at its next batch",
  description:
    "Rows already written stay (each batch is one transaction); importing the file again carries on.",
  access,
  params: importParams,
  responses: {
    200: { description: "The import, cancelled (or already finished)", schema: data(importSchema) },
  },
});

export const listImportMappings = defineContract({
  operationId: "listImportMappings",
  method: "get",
  path: "/api/v1/import-mappings",
  tag: "Imports",
  summary: "Saved mappings, by name",
  access,
  query: z.object({ kind: z.enum(IMPORT_KINDS).optional() }),
  responses: { 200: { description: "Mappings", schema: data(z.array(savedMappingSchema)) } },
});

export const saveImportMapping = defineContract({
  operationId: "saveImportMapping",
  method: "post",
  path: "/api/v1/import-mappings",
  tag: "Imports",
  summary: "Save a mapping under a name (the same name replaces it)",
  access,
  body: saveMappingSchema,
  responses: { 201: { description: "The saved mapping", schema: data(savedMappingSchema) } },
});

export const deleteImportMapping = defineContract({
  operationId: "deleteImportMapping",
  method: "delete",
  path: "/api/v1/import-mappings/{id}",
  tag: "Imports",
  summary: "Delete a saved mapping",
  access,
  params: z.object({ id: z.guid() }),
  responses: { 204: { description: "Deleted" } },
});

export { importMappingSchema };

export const IMPORTS_CONTRACTS = [
  inspectImport,
  createImport,
  listImports,
  getImport,
  getImportFailedRows,
  cancelImport,
  listImportMappings,
  saveImportMapping,
  deleteImportMapping,
];
