/**
 * `import:csv`: a large CSV imported on the server itself, without an upload through the browser.
 * The file is streamed from disk into the same upload store the API uses, the mapping is checked
 * the same way (a given JSON file, else the suggestions), and the import (or dry run) runs inline:
 * progress on stderr, the counts and the first row errors on stdout.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Db } from "@/db/client";
import { createImportRecord, getImportView, prepareImport } from "@/lib/domain/imports/imports";
import { runImport } from "@/lib/domain/imports/run-import";
import { storeUpload } from "@/lib/domain/imports/upload";
import { AppError } from "@/lib/shared/errors";
import { IMPORT_KINDS, MAX_IMPORT_BYTES, type ImportKind } from "@/lib/shared/imports";
import { CliError, oneLine, type Command } from "./command";

type ImportInput = { kind: ImportKind; file: string; mapping?: unknown; dryRun: boolean };

/** A refusal from the domain (422 naming the field) as the CLI's one line. */
function refusal(error: unknown): never {
  if (error instanceof AppError) {
    const fields = Object.entries(error.fields ?? {}).map(([f, m]) => `${f}: ${m.join(" ")}`);
    throw new CliError(fields.length ? oneLine(fields) : error.message);
  }
  throw error;
}

export const importCommands: Record<string, Command<ImportInput>> = {
  "import:csv": {
    summary:
      "Import a CSV file from disk (leads, events, outcomes or leads with outcomes), or dry-run it",
    usage: `import:csv --kind ${IMPORT_KINDS.join("|")} --file path.csv [--mapping mapping.json] [--dry-run]`,
    parse(args) {
      const { values } = parseArgs({
        args,
        options: {
          kind: { type: "string" },
          file: { type: "string" },
          mapping: { type: "string" },
          "dry-run": { type: "boolean" },
        },
        strict: true,
      });
      const problems: string[] = [];
      const kinds: readonly string[] = IMPORT_KINDS;
      if (!values.kind || !kinds.includes(values.kind))
        problems.push(`--kind must be one of ${IMPORT_KINDS.join(", ")}`);
      if (!values.file) problems.push("--file: give the path of the CSV file");
      if (problems.length) throw new CliError(oneLine(problems));
      return {
        kind: values.kind as ImportKind,
        file: values.file!,
        mapping: values.mapping,
        dryRun: values["dry-run"] ?? false,
      };
    },
    async run(input, db) {
      const file = path.resolve(input.file);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) throw new CliError(`--file: no file at ${file}`);
      if (info.size > MAX_IMPORT_BYTES)
        throw new CliError(`--file: ${file} is larger than 1 GB; split it.`);
      let mapping: unknown = undefined;
      if (typeof input.mapping === "string") {
        const text = await readFile(path.resolve(input.mapping), "utf8").catch(() => null);
        if (text === null) throw new CliError(`--mapping: cannot read ${input.mapping}`);
        try {
          mapping = JSON.parse(text);
        } catch {
          throw new CliError(`--mapping: ${input.mapping} is not valid JSON`);
        }
      }
      await importFile(db, { ...input, file, mapping });
    },
  },
};

/** Stores, checks and runs one file; prints progress and the outcome. */
export async function importFile(db: Db, input: ImportInput): Promise<void> {
  const fileName = path.basename(input.file);
  const upload = await storeUpload(db, createReadStream(input.file), {
    fileName,
    createdBy: "CLI",
  }).catch(refusal);
  const prepared = await prepareImport(db, {
    uploadId: upload.id,
    kind: input.kind,
    mapping: input.mapping,
  }).catch(refusal);
  const id = await createImportRecord(db, {
    uploadId: upload.id,
    kind: input.kind,
    mapping: prepared,
    dryRun: input.dryRun,
    requestedBy: "CLI",
  });
  const started = Date.now();
  console.error(
    `${input.dryRun ? "Dry run of" : "Importing"} ${fileName} (${(upload.bytes / 1e6).toFixed(1)} MB) as ${input.kind}, import ${id}.`,
  );
  let last = 0;
  await runImport(db, id, {
    async progress(done, _total, phase) {
      if (Date.now() - last < 1000 && phase !== "done") return;
      last = Date.now();
      const seconds = (Date.now() - started) / 1000;
      console.error(
        `  ${phase ?? "importing"}: ${done.toLocaleString("en")} rows (${Math.round(done / Math.max(seconds, 0.001)).toLocaleString("en")} rows/s)`,
      );
    },
  });
  const view = (await getImportView(db, id))!;
  const c = view.counts;
  const verb = input.dryRun ? "would be " : "";
  console.log(
    `${input.dryRun ? "Dry run" : "Import"} done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${view.progress.done} rows; ${c.created} ${verb}created, ${c.updated} ${verb}updated, ${c.skipped} skipped, ${c.failed} failed${view.outcomes.created || view.outcomes.skipped ? `; history steps ${view.outcomes.created} ${verb}created, ${view.outcomes.skipped} already there` : ""}.`,
  );
  for (const e of view.errors.slice(0, 10))
    console.log(`  line ${e.line}${e.column ? `, ${e.column}` : ""}: ${e.message}`);
  if (view.errorCount > 10) console.log(`  … and ${view.errorCount - 10} more errors.`);
  for (const note of view.notes) console.log(`Note: ${note}`);
}
