/**
 * Demo score history: what score_history would hold had the starter model been live through the
 * demo's months. Each lead is replayed with the in-memory evaluator as live ingestion scores it —
 * a first score when the lead was created, then after each of its events that a rule counts, a
 * snapshot whenever the total moved by a point or more. Exact for models without decay or windows
 * (the starter has none); otherwise time alone moves scores between events and the replay skips
 * those moves. Demo data only: real databases get their history from ingestion, lead updates and
 * publishing.
 */
import { evaluate, type ScoredEvent } from "@/lib/domain/scoring/evaluate";
import { isActive, type ScoringModel } from "@/lib/domain/scoring/model";
import type { scoreHistory } from "@/db/schema";
import type { SeedEvent, SeedLead } from "./generate";

type NewScoreHistory = typeof scoreHistory.$inferInsert;

export function replayScoreHistory(
  model: ScoringModel,
  version: number,
  data: { leads: SeedLead[]; events: SeedEvent[] },
  before: Date,
): NewScoreHistory[] {
  const scored = new Set(
    model.rules.flatMap((r) => (isActive(r) && r.kind === "event" ? [r.event] : [])),
  );
  const byLead = new Map<string, SeedEvent[]>();
  for (const e of data.events) {
    if (!scored.has(e.name) || e.occurredAt.getTime() >= before.getTime()) continue;
    const own = byLead.get(e.leadId);
    if (own) own.push(e);
    else byLead.set(e.leadId, [e]);
  }
  const rows: NewScoreHistory[] = [];
  for (const lead of data.leads) {
    const own = (byLead.get(lead.id) ?? []).sort(
      (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime(),
    );
    const seen: ScoredEvent[] = [];
    let recorded: number | null = null;
    const snapshot = (at: Date) => {
      const score = evaluate(model, lead, seen, at);
      if (recorded !== null && Math.abs(score.total - recorded) < 1) return;
      recorded = score.total;
      rows.push({
        leadId: lead.id,
        at,
        modelVersion: version,
        total: score.total,
        fit: score.fit,
        engagement: score.engagement,
        cause: "ingest",
      });
    };
    const first = own[0]?.occurredAt;
    const created = first && first < lead.createdAt ? first : lead.createdAt;
    if (created.getTime() >= before.getTime()) continue;
    snapshot(created);
    own.forEach((e, i) => {
      const event = { id: i + 1, name: e.name, properties: e.properties, occurredAt: e.occurredAt };
      // An event no rule counts changes no score (cheap to tell: scored alone, it earns no line).
      if (
        !evaluate(model, lead, [event], e.occurredAt).receipt.lines.some((l) => l.kind === "event")
      )
        return;
      seen.push(event);
      snapshot(e.occurredAt);
    });
  }
  return rows;
}
