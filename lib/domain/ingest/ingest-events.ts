/**
 * Event ingestion. Every event is validated on its own: a bad one is reported by index and the
 * good ones are stored. The same id twice is stored once. Storing and scoring happen in one
 * transaction, so a read right after the answer shows the new score.
 *
 * A batch is a fixed handful of statements whatever its size (measured: per-row parameters and
 * extra round trips cost more than the work): lock and settings; resolve the leads; insert every
 * event from arrays (unnest); lock the touched leads and move their last activity; the active
 * version; score and hand off (one statement each for the scores and the handoff).
 */
import { sql } from "drizzle-orm";
import { arrayParam } from "@/db/sql-array";
import { queryRows, type Db } from "@/db/client";
import { fieldErrors, type FieldErrors } from "@/lib/shared/errors";
import { storable } from "@/lib/shared/storable-text";
import { beginIngestion } from "@/lib/domain/scoring/locks";
import { scoreAndHandOff } from "@/lib/domain/lifecycle/score-and-hand-off";
import { getModelVersion } from "@/lib/domain/scoring/versions";
import { refKey, resolveLeads } from "./resolve-leads";
import { withTxRetry } from "./retry";
import { eventInputSchema, type EventInput } from "./schemas";

const eventItemSchema = storable(eventInputSchema);

export type ItemError = {
  index: number;
  code: "invalid" | "unknown_lead";
  message: string;
  fields?: FieldErrors;
};
export type IngestResult = {
  accepted: number;
  duplicates: number;
  /** Events about an erased person (suppression list), skipped without a lead. */
  suppressed: number;
  errors: ItemError[];
  leadIds: string[];
};

export async function ingestEvents(
  db: Db,
  raw: unknown[],
  options: { source: string; now?: Date },
): Promise<IngestResult> {
  const now = options.now ?? new Date();
  const errors: ItemError[] = [];
  const valid: { index: number; event: EventInput }[] = [];
  raw.forEach((item, index) => {
    const parsed = eventItemSchema.safeParse(item);
    if (parsed.success) valid.push({ index, event: parsed.data });
    else
      errors.push({
        index,
        code: "invalid",
        message: parsed.error.issues[0].message,
        fields: fieldErrors(parsed.error),
      });
  });
  // Within the batch, the first event with an id wins; later ones are duplicates.
  const seen = new Set<string>();
  const unique = valid.filter(({ event }) => !seen.has(event.id) && seen.add(event.id));
  let duplicates = valid.length - unique.length;
  if (!unique.length) return { accepted: 0, duplicates, suppressed: 0, errors, leadIds: [] };

  const outcome = await withTxRetry(() =>
    db.transaction(async (tx) => {
      await beginIngestion(tx);
      const { resolved: leadByKey, suppressed } = await resolveLeads(
        tx,
        unique.map((u) => u.event),
        options.source,
      );
      const rows: {
        leadId: string;
        name: string;
        properties: string;
        occurredAt: string;
        id: string;
      }[] = [];
      const itemErrors: ItemError[] = [];
      let skipped = 0;
      for (const { index, event } of unique) {
        if (suppressed.has(refKey(event))) {
          skipped++;
          continue;
        }
        const leadId = leadByKey.get(refKey(event));
        if (!leadId) {
          itemErrors.push({
            index,
            code: "unknown_lead",
            message: `No lead has id ${event.leadId}.`,
          });
          continue;
        }
        rows.push({
          leadId,
          name: event.name,
          properties: JSON.stringify(event.properties),
          occurredAt: (event.occurredAt ?? now).toISOString(),
          id: event.id,
        });
      }
      if (!rows.length) return { inserted: [] as { leadId: string }[], itemErrors, skipped };
      // One statement, five array parameters: events keep the batch's order (their ids grow with it).
      const inserted = (
        await queryRows<{ lead_id: string; occurred_at: Date | string }>(
          tx,
          sql`insert into events (lead_id, name, properties, occurred_at, received_at, source, external_id)
            select u.lead_id, u.name, u.properties::jsonb, u.occurred_at, ${now.toISOString()}::timestamptz, ${options.source}::text, u.external_id
            from unnest(${arrayParam(
              rows.map((r) => r.leadId),
              "uuid",
            )}, ${arrayParam(
              rows.map((r) => r.name),
              "text",
            )}, ${arrayParam(
              rows.map((r) => r.properties),
              "text",
            )}, ${arrayParam(
              rows.map((r) => r.occurredAt),
              "text",
            )}::timestamptz[], ${arrayParam(
              rows.map((r) => r.id),
              "text",
            )}) with ordinality as u(lead_id, name, properties, occurred_at, external_id, n)
            order by u.n
            on conflict (external_id) do nothing
            returning lead_id, occurred_at`,
        )
      ).map((r) => ({ leadId: r.lead_id, occurredAt: new Date(r.occurred_at) }));
      const latest = new Map<string, number>();
      for (const r of inserted)
        latest.set(r.leadId, Math.max(latest.get(r.leadId) ?? 0, r.occurredAt.getTime()));
      const touched = [...latest.keys()].sort();
      if (touched.length) {
        // Lock the touched leads (in a fixed order) only now, just before scoring them: the scoring
        // statement starts after the lock, so it sees the events of any batch that held it before —
        // concurrent batches for one lead never lose an event, and hold the lock as briefly as
        // possible. NO KEY UPDATE does not conflict with the KEY SHARE locks that inserting events
        // (a foreign key to the lead) takes. In the same statement, last activity moves forward to
        // the newest event just stored (rows it would not move are not rewritten). Then the active
        // version, read after the scoring lock. (The count of `locked` is a one-time filter: every
        // lock is taken, in order, before any row is updated.)
        const [version] = await queryRows<{ v: number | null }>(
          tx,
          sql`with locked as materialized (
              select id from leads where id = any(${arrayParam(touched, "uuid")}) order by id for no key update
            ),
            moved as (
              update leads set updated_at = n.at
              from unnest(${arrayParam(touched, "uuid")}, ${arrayParam(
                touched.map((id) => new Date(latest.get(id)!).toISOString()),
                "text",
              )}::timestamptz[]) as n(id, at)
              where (select count(*) from locked) > 0 and leads.id = n.id and n.at > leads.updated_at
              returning 1
            )
            select (select max(version) from model_versions where state = 'live') as v, (select count(*) from moved) as moved`,
        );
        const model = version?.v == null ? null : await getModelVersion(tx, Number(version.v));
        if (model)
          await scoreAndHandOff(tx, {
            model,
            version: Number(version.v),
            asOf: now,
            cause: "ingest",
            leadIds: touched,
          });
      }
      return { inserted, itemErrors, skipped };
    }),
  );
  errors.push(...outcome.itemErrors);
  duplicates +=
    unique.length - outcome.itemErrors.length - outcome.inserted.length - outcome.skipped;
  errors.sort((a, b) => a.index - b.index);
  return {
    accepted: outcome.inserted.length,
    duplicates,
    suppressed: outcome.skipped,
    errors,
    leadIds: [...new Set(outcome.inserted.map((r) => r.leadId))],
  };
}
