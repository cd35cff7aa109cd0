/**
 * CSV imports. The uploaded file lives in the database, in 1 MB chunks (`bytea`), so any worker
 * of the cluster reads it — on PostgreSQL the worker may be another machine than the web server
 * that received it — and nothing holds the whole file in memory. An import (or dry run) records
 * its counts and every refused row (line, column, reason, the row as read, for failed.csv).
 * Saved mappings are reusable by name; trait definitions keep each trait's type and the header it
 * came from as its label.
 */
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ImportKind, TraitType } from "@/lib/shared/imports";
import { jobs } from "./jobs";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const importUploads = pgTable("import_uploads", {
  id: uuid("id").primaryKey().defaultRandom(),
  fileName: text("file_name").notNull(),
  bytes: bigint("bytes", { mode: "number" }).notNull().default(0),
  chunks: integer("chunks").notNull().default(0),
  /** Who uploaded it: a person's name or an API key's. */
  createdBy: text("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const importUploadChunks = pgTable(
  "import_upload_chunks",
  {
    uploadId: uuid("upload_id")
      .notNull()
      .references(() => importUploads.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.seq] })],
);

export const imports = pgTable(
  "imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    uploadId: uuid("upload_id")
      .notNull()
      .references(() => importUploads.id, { onDelete: "cascade" }),
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "set null" }),
    kind: text("kind").$type<ImportKind>().notNull(),
    dryRun: boolean("dry_run").notNull(),
    mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull(),
    /** Rows read, and in all (null until counted). */
    rowsDone: bigint("rows_done", { mode: "number" }).notNull().default(0),
    rowsTotal: bigint("rows_total", { mode: "number" }),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    historyCreated: integer("history_created").notNull().default(0),
    historySkipped: integer("history_skipped").notNull().default(0),
    notes: jsonb("notes").$type<string[]>().notNull().default([]),
    requestedBy: text("requested_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("imports_created_idx").on(t.createdAt)],
);

export const importRowErrors = pgTable(
  "import_row_errors",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    column: text("column"),
    code: text("code").notNull(),
    message: text("message").notNull(),
    value: text("value"),
    /** The row's cells as read, for failed.csv (null for the 2nd and later errors of one row). */
    cells: jsonb("cells").$type<string[]>(),
  },
  (t) => [index("import_row_errors_import_line_idx").on(t.importId, t.line)],
);

export const importMappings = pgTable(
  "import_mappings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind").$type<ImportKind>().notNull(),
    mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull(),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("import_mappings_name_idx").on(t.name)],
);

/** A custom trait's type and label (the header it was imported from); its key is normalised. */
export const traitDefinitions = pgTable("trait_definitions", {
  key: text("key").primaryKey(),
  label: text("label").notNull(),
  type: text("type").$type<TraitType>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type ImportRow = typeof imports.$inferSelect;
