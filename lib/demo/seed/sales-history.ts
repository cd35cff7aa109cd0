/**
 * The demo's sales history, consistent with the lifecycle engine: each lead is handed over the
 * first time its replayed score met every MQL condition, routed then (territory, round-robin,
 * capacity against the MQLs still open at that moment), and — when old enough — decided by its rep:
 * accepted (SAL, then maybe SQL, opportunity, customer), rejected (recycled) or disqualified, with
 * better-fitting leads accepted more often. Recent handoffs are still open MQLs in the inboxes.
 */
import type { LifecycleStage } from "@/lib/shared/vocabulary";
import { routeMqls, type TeamState } from "@/lib/domain/routing/round-robin";
import { fitGateExclusions, missingFields } from "@/lib/domain/lifecycle/eligibility";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import type { SeedLead } from "./generate";
import { Prng } from "./prng";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const REJECT_CODES = ["not_ready", "no_response", "no_project"] as const;
export const DISQUALIFY_CODES = [
  "wrong_persona",
  "no_budget",
  "duplicate",
  "competitor",
  "spam",
] as const;

export type Snapshot = { leadId: string; at: Date; total: number; fit: number; engagement: number };
export type SimRep = { id: string; teamId: string; capacity: number };

export type SimTransition = {
  leadId: string;
  at: Date;
  fromStage: LifecycleStage;
  toStage: LifecycleStage;
  actorType: "system" | "user";
  actorId: string | null;
  reason: string;
  scoreTotal: number;
  scoreFit: number;
  scoreEngagement: number;
  modelVersion: number;
  data: Record<string, unknown>;
};
export type SimAssignment = {
  leadId: string;
  at: Date;
  userId: string | null;
  teamId: string | null;
  reason: string;
};

export function simulateSalesHistory(args: {
  model: ScoringModel;
  version: number;
  leads: SeedLead[];
  snapshots: Snapshot[];
  reps: SimRep[];
  territories: Map<string, string>;
  now: Date;
  seed?: number;
}) {
  const { model, version, now } = args;
  const prng = new Prng(args.seed ?? 7_2026);
  const byLead = new Map<string, Snapshot[]>();
  for (const s of args.snapshots) byLead.set(s.leadId, [...(byLead.get(s.leadId) ?? []), s]);

  // When each eligible lead first crossed the threshold.
  const handoffs: { lead: SeedLead; at: Snapshot }[] = [];
  for (const lead of args.leads) {
    if (fitGateExclusions(model, lead).length || missingFields(model, lead).length) continue;
    const crossing = (byLead.get(lead.id) ?? [])
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .find((s) => s.total >= model.mqlThreshold);
    if (crossing && crossing.at < now) handoffs.push({ lead, at: crossing });
  }
  handoffs.sort((a, b) => a.at.at.getTime() - b.at.at.getTime());

  const cursors = new Map<string, number>();
  const openUntil: { repId: string; until: number }[] = [];
  const transitions: SimTransition[] = [];
  const assignments: SimAssignment[] = [];
  const finalStage = new Map<string, LifecycleStage>();
  const owner = new Map<string, string | null>();
  const snap = (s: Snapshot) => ({
    scoreTotal: s.total,
    scoreFit: s.fit,
    scoreEngagement: s.engagement,
    modelVersion: version,
  });

  for (const { lead, at } of handoffs) {
    const when = at.at.getTime();
    const teams = new Map<string, TeamState>();
    for (const teamId of new Set(args.reps.map((r) => r.teamId))) {
      teams.set(teamId, {
        id: teamId,
        cursor: cursors.get(teamId) ?? 0,
        reps: args.reps
          .filter((r) => r.teamId === teamId)
          .map((r) => ({
            id: r.id,
            capacity: r.capacity,
            available: true,
            open: openUntil.filter((o) => o.repId === r.id && o.until > when).length,
          })),
      });
    }
    const {
      assignments: [assignment],
      cursors: moved,
    } = routeMqls([{ leadId: lead.id, country: lead.country }], args.territories, teams);
    for (const [team, cursor] of moved) cursors.set(team, cursor);
    assignments.push({ ...assignment, at: at.at });
    transitions.push({
      leadId: lead.id,
      at: at.at,
      fromStage: "lead",
      toStage: "mql",
      actorType: "system",
      actorId: null,
      reason: "threshold_reached",
      ...snap(at),
      data: {},
    });
    owner.set(lead.id, assignment.userId);
    finalStage.set(lead.id, "mql");
    if (!assignment.userId) continue;

    // The rep decides within hours to a few days; what has not happened by now is still open.
    const decidedAt = when + 2 * HOUR + prng.exponential(30 * HOUR);
    openUntil.push({ repId: assignment.userId, until: decidedAt });
    if (decidedAt > now.getTime() - HOUR / 2) continue;
    const by = { actorType: "user" as const, actorId: assignment.userId };
    const fit = Math.max(0, at.fit);
    const roll = prng.next();
    const pAccept = Math.min(0.8, 0.3 + 0.007 * fit + 0.1 * lead.intent);
    const pDisqualify = 0.06 + (fit < 15 ? 0.12 : 0);
    if (roll < pAccept) {
      let stage: LifecycleStage = "sal";
      let t = decidedAt;
      transitions.push({
        leadId: lead.id,
        at: new Date(t),
        fromStage: "mql",
        toStage: "sal",
        ...by,
        reason: "accepted",
        ...snap(at),
        data: {},
      });
      const steps: [LifecycleStage, string, number, number][] = [
        ["sql", "qualified", 0.5 + 0.005 * fit, 1 + prng.next() * 5],
        ["opportunity", "opportunity", 0.5, 3 + prng.next() * 11],
        ["customer", "won", 0.35, 7 + prng.next() * 23],
      ];
      for (const [to, reason, p, days] of steps) {
        t += days * DAY;
        if (prng.next() > p || t > now.getTime()) break;
        transitions.push({
          leadId: lead.id,
          at: new Date(t),
          fromStage: stage,
          toStage: to,
          ...by,
          reason,
          ...snap(at),
          data: {},
        });
        stage = to;
      }
      finalStage.set(lead.id, stage);
    } else if (roll < pAccept + pDisqualify) {
      transitions.push({
        leadId: lead.id,
        at: new Date(decidedAt),
        fromStage: "mql",
        toStage: "disqualified",
        ...by,
        reason: "disqualified",
        ...snap(at),
        data: { reasonCode: prng.pick(DISQUALIFY_CODES) },
      });
      finalStage.set(lead.id, "disqualified");
    } else {
      transitions.push({
        leadId: lead.id,
        at: new Date(decidedAt),
        fromStage: "mql",
        toStage: "recycled",
        ...by,
        reason: "rejected",
        ...snap(at),
        data: { reasonCode: prng.pick(REJECT_CODES) },
      });
      finalStage.set(lead.id, "recycled");
    }
  }
  return { transitions, assignments, finalStage, owner, cursors };
}
