/**
 * One batch written, in one transaction (a batch is whole or absent; the next run writes what a
 * crash lost): leads merged with their history, or events and outcomes of known leads — refused,
 * row by row, for leads not found. The leads a batch creates are scored in the statement that
 * writes them (they have no event yet: merge-leads.ts); those it changes, or whose events it
 * adds, are answered, to be scored in a transaction of their own (scoreLeads) — on PostgreSQL
 * while the next batch is written, on a second connection. A run cut off between writing a batch
 * and scoring it is made whole by running the file again: a lead it finds without a score is
 * scored (merge-leads.ts).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { lockScoringShared, tuneForScoring } from "@/lib/domain/scoring/locks";
import { rescore } from "@/lib/domain/scoring/rescore";
import { getActiveModel } from "@/lib/domain/scoring/versions";
import { findSuppressed, isSuppressed } from "@/lib/domain/privacy/suppression";
import {
  distinctLeads,
  externalIdTaken,
  unknownLead,
  type BatchResult,
  type Pending,
  type RowFailure,
} from "./batch";
import { existingLeads } from "./dry-run";
import type { LeadBatch } from "./lead-batch";
import { mergeLeads } from "./merge-leads";
import { writeHistory } from "./write-history";

async function inBatchTransaction<T>(db: Db, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // A batch need not wait for its WAL flush: a crash loses at most the last batches, which
    // running the file again writes (imports are idempotent); nothing is ever half-written.
    // No JIT: compiling a merge's expressions cost about 100 ms of its 450 (measured by
    // auto_explain on a batch of 10,000 leads), every batch.
    await tx.execute(
      sql`select set_config('synchronous_commit', 'off', true), set_config('jit', 'off', true)`,
    );
    await lockScoringShared(tx);
    return work(tx);
  });
}

/** A batch written, and the leads it created or changed (to score). */
export type Written = BatchResult & { toScore: string[] };

export async function writeLeads(
  db: Db,
  batch: LeadBatch,
  actor: string,
  now: Date,
  stamp: Date,
): Promise<Written> {
  if (!batch.size) return { toScore: [] };
  return inBatchTransaction(db, async (tx) => {
    // Under the scoring lock: the version that scores the new leads is the live one until commit.
    const active = await getActiveModel(tx);
    const score = active ? { model: active.model, version: active.version, asOf: now } : null;
    const merged = await mergeLeads(tx, batch, now, stamp, { score });
    const { ids, changed } = merged;
    let { created, again, suppressed } = merged;
    const rowErrors: RowFailure[] = [];
    if (merged.missing.length) {
      // Looked for again (a new snapshot): a lead another client created meanwhile is found
      // and updated. What is still neither written nor found names another lead's external id.
      const part = batch.subset(merged.missing);
      const second = await mergeLeads(tx, part, now, stamp, { again: true, score });
      second.ids.forEach((id, i) => (ids[merged.missing[i] - 1] = id));
      changed.push(...second.changed);
      created += second.created;
      again += second.again;
      suppressed += second.suppressed;
      for (const ord of second.missing) rowErrors.push(externalIdTaken(part, ord));
    }
    const history = batch.history.flatMap((h) => {
      const leadId = ids[h.ord - 1];
      return leadId ? [{ leadId, step: h.step }] : [];
    });
    const written = await writeHistory(tx, history, actor);
    return {
      toScore: changed,
      created,
      updated: batch.size - created - again - suppressed - rowErrors.length,
      // Rows about an erased person (suppression list) are skipped, like repeats.
      skipped: batch.repeated + again + suppressed,
      historyCreated: written,
      historySkipped: history.length - written,
      rowErrors,
    };
  });
}

export async function writeRows(
  db: Db,
  kind: "events" | "outcomes",
  batch: Pending[],
  actor: string,
): Promise<Written> {
  if (!batch.length) return { toScore: [] };
  return inBatchTransaction(db, async (tx) => {
    const { leads, repeated } = distinctLeads(batch);
    const result: Written = { skipped: repeated, rowErrors: [], toScore: [] };
    const leadIds = await existingLeads(
      tx,
      leads.map((p) => p.row.lead.email),
      leads.map((p) => p.row.lead.externalId),
    );
    // A row about an erased person is skipped, never kept as a row error (it would quote them).
    const found = await findSuppressed(tx, {
      emails: leads.flatMap((p, i) => (!leadIds[i] && p.row.lead.email ? [p.row.lead.email] : [])),
      externalIds: leads.flatMap((p, i) =>
        !leadIds[i] && p.row.lead.externalId ? [p.row.lead.externalId] : [],
      ),
    });
    leads.forEach((p, i) => {
      if (leadIds[i]) return;
      if (isSuppressed(found, p.row.lead)) result.skipped = (result.skipped ?? 0) + 1;
      else result.rowErrors!.push({ line: p.line, cells: p.cells, errors: [unknownLead(p)] });
    });
    if (kind === "events") {
      const idOf = new Map(leads.map((p, i) => [leadKey(p), leadIds[i]]));
      const rows = batch
        .map((p) => ({ p, id: idOf.get(leadKey(p)) }))
        .filter((r) => r.id && r.p.row.event);
      result.created = await insertEvents(
        tx,
        rows.map((r) => ({ leadId: r.id!, event: r.p.row.event! })),
      );
      result.skipped = (result.skipped ?? 0) + rows.length - result.created;
    } else {
      result.updated = leadIds.filter(Boolean).length;
      const history = leads.flatMap((p, i) =>
        leadIds[i] ? p.row.history.map((s) => ({ leadId: leadIds[i]!, step: s })) : [],
      );
      const written = await writeHistory(tx, history, actor);
      result.historyCreated = written;
      result.historySkipped = history.length - written;
    }
    result.toScore = leadIds.filter((id): id is string => Boolean(id));
    return result;
  });
}

/** Scores the leads under the live model (none published: nothing to do), in a transaction. */
export async function scoreLeads(db: Db, leadIds: string[], now: Date): Promise<void> {
  if (!leadIds.length) return;
  await inBatchTransaction(db, async (tx) => {
    // The batch's leads are read by id. Costing a random read at four sequential ones (a spinning
    // disk), the planner would scan the whole leads table for each batch once it holds a few
    // hundred thousand leads (measured at 600,000: 19,000 pages read per batch of 10,000).
    await tx.execute(sql`set local random_page_cost = 1.1`);
    await tuneForScoring(tx);
    const active = await getActiveModel(tx);
    if (active)
      await rescore(tx, {
        model: active.model,
        version: active.version,
        asOf: now,
        cause: "refresh",
        leadIds,
      });
  });
}

const leadKey = (p: Pending) =>
  p.row.lead.email ? `e:${p.row.lead.email}` : `x:${p.row.lead.externalId}`;

/** Inserts events not yet there (by external id: the file's, or a hash); answers how many. */
async function insertEvents(
  tx: Queryable,
  rows: { leadId: string; event: NonNullable<Pending["row"]["event"]> }[],
): Promise<number> {
  if (!rows.length) return 0;
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`with t as (insert into events (lead_id, name, properties, occurred_at, source, external_id)
          select lead_id, name, properties::jsonb, occurred_at::timestamptz, 'import', ext from unnest(
            ${arrayParam(
              rows.map((r) => r.leadId),
              "uuid",
            )}, ${arrayParam(
              rows.map((r) => r.event.name),
              "text",
            )},
            ${arrayParam(
              rows.map((r) => JSON.stringify(r.event.properties)),
              "text",
            )},
            ${arrayParam(
              rows.map((r) => r.event.occurredAt.toISOString()),
              "text",
            )},
            ${arrayParam(
              rows.map((r) => r.event.externalId),
              "text",
            )}
          ) as i(lead_id, name, properties, occurred_at, ext)
          on conflict (external_id) do nothing returning 1)
        select count(*)::int as n from t`,
  );
  return row?.n ?? 0;
}
