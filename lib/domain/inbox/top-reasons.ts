/**
 * The top reasons of many leads' receipts. Scoring stores what each rule earned
 * (lead_scores.earned, compile.ts): the lines come from it and the version's labels. A score
 * written before earnings were stored is replayed from its events: one query for the leads, one
 * for their scored events, then the evaluator per lead, in memory — the receipt the lead page shows.
 */
import { inArray, sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { leads } from "@/db/schema";
import { evaluate, type ScoredEvent } from "@/lib/domain/scoring/evaluate";
import { isActive } from "@/lib/domain/scoring/model";
import {
  TOP_REASONS,
  topFromEarned,
  topLines,
  type TopReason,
} from "@/lib/domain/scoring/top-lines";
import { getModelVersion } from "@/lib/domain/scoring/versions";

export type { TopReason };
export type ScoreRef = { leadId: string; modelVersion: number; asOf: Date };

/** The lines of each ref from its stored earnings, replaying the receipt only for refs without. */
export async function withStoredReasons(
  db: Queryable,
  refs: (ScoreRef & { earned: number[] | null })[],
): Promise<Map<string, TopReason[]>> {
  const out = new Map<string, TopReason[]>();
  const missing: ScoreRef[] = [];
  for (const ref of refs) {
    const model = ref.earned ? await getModelVersion(db, ref.modelVersion) : null;
    const lines = model && ref.earned ? topFromEarned(model, ref.earned) : null;
    if (lines) out.set(ref.leadId, lines);
    else missing.push(ref);
  }
  for (const [id, lines] of await topReasons(db, missing)) out.set(id, lines);
  return out;
}

export async function topReasons(
  db: Queryable,
  refs: ScoreRef[],
  count = TOP_REASONS,
): Promise<Map<string, TopReason[]>> {
  const out = new Map<string, TopReason[]>();
  if (!refs.length) return out;
  const versions = [...new Set(refs.map((r) => r.modelVersion))];
  const models = new Map(
    (
      await Promise.all(versions.map(async (v) => [v, await getModelVersion(db, v)] as const))
    ).filter((e) => e[1] !== null),
  );
  const names = [
    ...new Set(
      [...models.values()].flatMap((m) =>
        m!.rules.filter(isActive).flatMap((r) => (r.kind === "event" ? [r.event] : [])),
      ),
    ),
  ];
  const ids = refs.map((r) => r.leadId);
  const leadRows = new Map(
    (await db.select().from(leads).where(inArray(leads.id, ids))).map((l) => [l.id, l]),
  );
  const eventsByLead = new Map<string, ScoredEvent[]>();
  if (names.length) {
    const rows = await queryRows<{
      id: number;
      lead_id: string;
      name: string;
      properties: Record<string, unknown>;
      occurred_at: Date | string;
    }>(
      db,
      sql`select id, lead_id, name, properties, occurred_at from events
          where lead_id = any(${arrayParam(ids, "uuid")}) and name = any(${arrayParam(names, "text")})`,
    );
    for (const e of rows) {
      const list = eventsByLead.get(e.lead_id) ?? [];
      list.push({
        id: Number(e.id),
        name: e.name,
        properties: e.properties,
        occurredAt: new Date(e.occurred_at),
      });
      eventsByLead.set(e.lead_id, list);
    }
  }
  for (const ref of refs) {
    const model = models.get(ref.modelVersion);
    const lead = leadRows.get(ref.leadId);
    if (!model || !lead) continue;
    const { receipt } = evaluate(model, lead, eventsByLead.get(ref.leadId) ?? [], ref.asOf);
    out.set(ref.leadId, topLines(receipt.lines, count));
  }
  return out;
}
