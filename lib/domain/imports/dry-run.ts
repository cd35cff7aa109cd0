/**
 * A dry run's batch: what the import would do, counted without writing — leads that exist are
 * updated, the others created; events and outcomes of unknown leads are refused.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import type { ImportKind } from "@/lib/shared/imports";
import {
  distinctLeads,
  externalIdTaken,
  unknownLead,
  type BatchResult,
  type Pending,
  type RowFailure,
} from "./batch";
import { STAGE_COLUMNS, type LeadBatch } from "./lead-batch";

/** The id of the lead each (email, external id) pair names, or null. */
export async function existingLeads(
  db: Queryable,
  emails: readonly (string | null)[],
  exts: readonly (string | null)[],
): Promise<(string | null)[]> {
  const found = await queryRows<{ ord: number; id: string | null }>(
    db,
    sql`select i.ord, coalesce(
          (select id from leads where i.email <> '' and leads.email = i.email),
          (select id from leads where i.email = '' and i.ext <> '' and leads.external_id = i.ext)
        ) as id from unnest(${arrayParam(
          emails.map((e) => e ?? ""),
          "text",
        )}, ${arrayParam(
          exts.map((e) => e ?? ""),
          "text",
        )}) with ordinality as i(email, ext, ord)`,
  );
  const out: (string | null)[] = emails.map(() => null);
  for (const f of found) out[Number(f.ord) - 1] = f.id;
  return out;
}

export async function countLeads(db: Queryable, batch: LeadBatch): Promise<BatchResult> {
  if (!batch.size) return {};
  const exts = batch.columns[STAGE_COLUMNS.indexOf("ext")];
  const ids = await existingLeads(db, batch.columns[0], exts);
  const existing = ids.filter(Boolean).length;
  // A new lead whose external id another lead has (or an earlier new lead of the batch) is refused.
  const wanted = exts.filter((ext, i): ext is string => !ids[i] && ext !== null);
  const taken = new Set(
    wanted.length
      ? (
          await queryRows<{ ext: string }>(
            db,
            sql`select external_id as ext from leads where external_id = any(${arrayParam(wanted, "text")})`,
          )
        ).map((r) => r.ext)
      : [],
  );
  const rowErrors: RowFailure[] = [];
  exts.forEach((ext, i) => {
    if (ids[i] || ext === null) return;
    if (taken.has(ext)) rowErrors.push(externalIdTaken(batch, i + 1));
    taken.add(ext);
  });
  return {
    created: batch.size - existing - rowErrors.length,
    updated: existing,
    skipped: batch.repeated,
    historyCreated: batch.history.length,
    rowErrors,
  };
}

export async function countRows(
  db: Queryable,
  kind: Exclude<ImportKind, "leads" | "leads_outcomes">,
  batch: Pending[],
): Promise<BatchResult> {
  if (!batch.length) return {};
  const { leads, repeated } = distinctLeads(batch);
  const ids = await existingLeads(
    db,
    leads.map((p) => p.row.lead.email),
    leads.map((p) => p.row.lead.externalId),
  );
  const rowErrors = leads
    .filter((_, i) => ids[i] === null)
    .map((p) => ({ line: p.line, cells: p.cells, errors: [unknownLead(p)] }));
  const known = leads.length - rowErrors.length;
  return kind === "events"
    ? { created: known, rowErrors, skipped: repeated }
    : {
        updated: known,
        rowErrors,
        skipped: repeated,
        historyCreated: leads
          .filter((_, i) => ids[i])
          .reduce((n, p) => n + p.row.history.length, 0),
      };
}
