/**
 * Event ingestion. Every event is validated on its own: a bad one is reported by index and the
 * good ones are stored. The same id twice is stored once. Storing and scoring happen in one
 * transaction, so a read right after the answer shows the new score.
 */
import { sql } from "drizzle-orm";
import { arrayParam } from "@/db/sql-array";
import type { Db } from "@/db/client";
import { events, leads } from "@/db/schema";
import { fieldErrors, type FieldErrors } from "@/lib/shared/errors";
import { lockLeads, lockScoringShared, tuneForIngestion } from "@/lib/domain/scoring/locks";
import { scoreAndHandOff } from "@/lib/domain/lifecycle/score-and-hand-off";
import { getActiveModel } from "@/lib/domain/scoring/versions";
import { refKey, resolveLeads } from "./resolve-leads";
import { withTxRetry } from "./retry";
import { eventInputSchema, type EventInput } from "./schemas";

export type ItemError = {
  index: number;
  code: "invalid" | "unknown_lead";
  message: string;
  fields?: FieldErrors;
};
export type IngestResult = {
  accepted: number;
  duplicates: number;
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
    const parsed = eventInputSchema.safeParse(item);
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
  if (!unique.length) return { accepted: 0, duplicates, errors, leadIds: [] };

  const outcome = await withTxRetry(() =>
    db.transaction(async (tx) => {
      await lockScoringShared(tx);
      await tuneForIngestion(tx);
      const leadByKey = await resolveLeads(
        tx,
        unique.map((u) => u.event),
        options.source,
      );
      const rows: (typeof events.$inferInsert)[] = [];
      const itemErrors: ItemError[] = [];
      for (const { index, event } of unique) {
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
          properties: event.properties,
          occurredAt: event.occurredAt ?? now,
          receivedAt: now,
          source: options.source,
          externalId: event.id,
        });
      }
      if (!rows.length) return { inserted: [] as { leadId: string }[], itemErrors };
      const inserted = await tx
        .insert(events)
        .values(rows)
        .onConflictDoNothing({ target: events.externalId })
        .returning({ leadId: events.leadId, occurredAt: events.occurredAt });
      const latest = new Map<string, number>();
      for (const r of inserted)
        latest.set(r.leadId, Math.max(latest.get(r.leadId) ?? 0, r.occurredAt.getTime()));
      const touched = [...latest.keys()];
      if (touched.length) {
        // Lock the touched leads (in a fixed order) only now, just before scoring them: the scoring
        // statement starts after the lock, so it sees the events of any batch that held it before —
        // concurrent batches for one lead never lose an event, and hold the lock as briefly as possible.
        await lockLeads(tx, touched);
        // Last activity moves forward to the newest event just stored.
        await tx.execute(sql`
          update ${leads} set updated_at = greatest(${leads.updatedAt}, n.at)
          from unnest(${arrayParam(touched, "uuid")}, ${arrayParam(
            touched.map((id) => new Date(latest.get(id)!).toISOString()),
            "text",
          )}::timestamptz[]) as n(id, at)
          where ${leads.id} = n.id`);
        const active = await getActiveModel(tx);
        if (active)
          await scoreAndHandOff(tx, {
            model: active.model,
            version: active.version,
            asOf: now,
            cause: "ingest",
            leadIds: touched,
          });
      }
      return { inserted, itemErrors };
    }),
  );
  errors.push(...outcome.itemErrors);
  duplicates += unique.length - outcome.itemErrors.length - outcome.inserted.length;
  errors.sort((a, b) => a.index - b.index);
  return {
    accepted: outcome.inserted.length,
    duplicates,
    errors,
    leadIds: [...new Set(outcome.inserted.map((r) => r.leadId))],
  };
}
