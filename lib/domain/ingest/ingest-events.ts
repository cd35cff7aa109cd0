/**
 * Event ingestion. Every event is validated on its own: a bad one is reported by index and the
 * good ones are stored. The same id twice is stored once. Storing and scoring happen in one
 * transaction (except for leads another batch is scoring at that moment: those are scored in a
 * second one, once it has committed), and both before the answer, so a read right after the answer
 * shows the new score.
 *
 * A batch is a fixed handful of statements whatever its size (measured: per-row parameters and
 * extra round trips cost more than the work): lock and settings; resolve the leads; insert every
 * event from arrays (unnest); lock the touched leads and move their last activity; the active
 * version; score and hand off (one statement each for the scores and the handoff).
 */
import { sql } from "drizzle-orm";
import { arrayParam } from "@/db/sql-array";
import { queryRows, type Db, type Queryable } from "@/db/client";
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
      if (!rows.length)
        return {
          inserted: [] as { leadId: string }[],
          itemErrors,
          skipped,
          waiting: new Map<string, number>(),
        };
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
      // Leads another batch is scoring right now are left to a second transaction (below).
      const scored = await touchAndScore(tx, latest, now, { skipLocked: true });
      const waiting = new Map([...latest].filter(([id]) => !scored.has(id)));
      return { inserted, itemErrors, skipped, waiting };
    }),
  );
  if (outcome.waiting.size) {
    // These leads' events are stored (and acknowledged with the rest); scoring them waits until
    // the batch that holds them commits, so this statement sees its events as well as ours.
    await withTxRetry(() =>
      db.transaction(async (tx) => {
        await beginIngestion(tx);
        await touchAndScore(tx, outcome.waiting, now, { skipLocked: false });
      }),
    );
  }
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

/**
 * Locks the touched leads (in a fixed order) only now, just before scoring them: the scoring
 * statement starts after the lock, so it sees the events of any batch that held it before —
 * concurrent batches for one lead never lose an event. NO KEY UPDATE does not conflict with the KEY
 * SHARE locks that inserting events (a foreign key to the lead) takes. In the same statement, last
 * activity moves forward to the newest event just stored (rows it would not move are not
 * rewritten); then the active version, read after the scoring lock. Returns the leads scored.
 *
 * With `skipLocked`, a lead another transaction holds is skipped rather than waited for: batches
 * about different leads that share a few (500 leads per batch share two or three with any other)
 * then score side by side instead of one after the other; the caller scores the skipped leads once
 * it has committed, waiting for them then.
 */
async function touchAndScore(
  tx: Queryable,
  latest: Map<string, number>,
  now: Date,
  { skipLocked }: { skipLocked: boolean },
): Promise<Set<string>> {
  const touched = [...latest.keys()].sort();
  if (!touched.length) return new Set();
  const [row] = await queryRows<{ v: number | null; locked: string[] | null }>(
    tx,
    sql`with locked as materialized (
        select id from leads where id = any(${arrayParam(touched, "uuid")})
        order by id for no key update${skipLocked ? sql` skip locked` : sql``}
      ),
      moved as (
        update leads set updated_at = n.at
        from unnest(${arrayParam(touched, "uuid")}, ${arrayParam(
          touched.map((id) => new Date(latest.get(id)!).toISOString()),
          "text",
        )}::timestamptz[]) as n(id, at)
        where leads.id = n.id and n.at > leads.updated_at
          and leads.id = any(array(select id from locked))
        returning 1
      )
      select (select max(version) from model_versions where state = 'live') as v,
        (select array_agg(id::text) from locked) as locked, (select count(*) from moved) as moved`,
  );
  const locked = row?.locked ?? [];
  const model = row?.v == null ? null : await getModelVersion(tx, Number(row.v));
  if (model && locked.length)
    await scoreAndHandOff(tx, {
      model,
      version: Number(row.v),
      asOf: now,
      cause: "ingest",
      leadIds: locked.sort(),
    });
  return new Set(locked);
}
