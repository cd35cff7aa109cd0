/**
 * The top reasons of many leads' receipts, replayed from their events: one query for the leads,
 * one for their scored events, then the evaluator per lead, in memory — the same receipt the lead
 * page shows. Scoring stores these lines in lead_scores.reasons (compile.ts); readers call this
 * only for a score written before they were stored (`withStoredReasons`).
 */
import { inArray, sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { leads } from "@/db/schema";
import { TOP_REASONS, type TopReason } from "@/lib/domain/scoring/compile";
import { evaluate, type ReceiptLine, type ScoredEvent } from "@/lib/domain/scoring/evaluate";
import { isActive } from "@/lib/domain/scoring/model";
import { getModelVersion } from "@/lib/domain/scoring/versions";

export type { TopReason };
export type ScoreRef = { leadId: string; modelVersion: number; asOf: Date };

/** The stored lines of each ref, replaying the receipt only for refs stored without them. */
export async function withStoredReasons(
  db: Queryable,
  refs: (ScoreRef & { reasons: TopReason[] | null })[],
): Promise<Map<string, TopReason[]>> {
  const out = new Map<string, TopReason[]>();
  const missing: ScoreRef[] = [];
  for (const ref of refs) {
    if (ref.reasons) out.set(ref.leadId, ref.reasons);
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

/** The lines that earned most, most first (ties in the model's order), to one decimal. */
export function topLines(lines: ReceiptLine[], count = TOP_REASONS): TopReason[] {
  return lines
    .filter((l) => l.earned > 0)
    .sort((a, b) => b.earned - a.earned)
    .slice(0, count)
    .map((l) => ({ label: l.label, points: Math.round(l.earned * 10) / 10 }));
}
