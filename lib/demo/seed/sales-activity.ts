/**
 * The demo's sales activity around the simulated history (sales-history.ts): an SLA clock for each
 * assignment to a rep (deadlines in the rep's business hours, as the live app computes them), the
 * touches reps logged, and a decision row for each of their decisions — accepted with BANT,
 * rejected or disqualified with the reason code of the transition. A "no response" rejection always
 * follows at least the tier's minimum touches. Open MQLs keep running clocks: the sweep at the end
 * of the seed flags the ones already past their deadline.
 */
import type { Bant, WorkingHours } from "@/db/schema";
import type { DecisionKind, TouchChannel, TouchOutcome } from "@/lib/shared/vocabulary";
import { computeDeadlines, scheduleOf } from "@/lib/domain/sla/deadlines";
import { choosePolicy, FALLBACK_POLICY, type PolicyTerms } from "@/lib/domain/sla/policy";
import { fitGrade } from "@/lib/domain/scoring/grade";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { Prng } from "./prng";
import type { SimAssignment, SimTransition } from "./sales-history";

const HOUR = 3_600_000;

export type SeedRep = {
  id: string;
  timeZone: string;
  workingHours: WorkingHours;
  holidays: string[];
};
export type SeedClock = {
  leadId: string;
  userId: string;
  teamId: string | null;
  policyId: number | null;
  policyName: string;
  minTouches: number;
  reassignOnBreach: boolean;
  startedAt: Date;
  firstTouchDue: Date;
  touchesDueBy: Date;
  firstTouchAt: Date | null;
  breachedFirstTouchAt: Date | null;
  breachedTouchesAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
};
export type SeedTouch = {
  leadId: string;
  userId: string;
  at: Date;
  channel: TouchChannel;
  outcome: TouchOutcome;
  note: string | null;
};
export type SeedDecision = {
  leadId: string;
  userId: string;
  kind: DecisionKind;
  reasonCode: string | null;
  note: string | null;
  bant: Bant | null;
  scoreTotal: number;
  scoreFit: number;
  scoreEngagement: number;
  modelVersion: number;
  at: Date;
};

const DECISION_OF: Record<string, DecisionKind> = {
  accepted: "accept",
  qualified: "qualify",
  rejected: "reject",
  disqualified: "disqualify",
};

const BANT_ANSWERS = {
  budget: [
    "Approved for this year",
    "About 40 k€ set aside",
    "Budget in Q1 planning",
    "Within the team's tooling budget",
  ],
  authority: [
    "Decision maker (VP)",
    "CTO signs off",
    "Champion; CFO approves",
    "Head of sales ops decides",
  ],
  need: [
    "Replace spreadsheets for lead routing",
    "Reps waste time on cold leads",
    "Consolidate two tools",
    "Scale after a funding round",
  ],
  timeframe: ["This quarter", "Within 3 months", "Before the next fiscal year", "Pilot next month"],
};
const CHANNELS: readonly (readonly [TouchChannel, number])[] = [
  ["call", 4],
  ["email", 4],
  ["linkedin", 2],
  ["meeting", 1],
];

export function simulateSalesActivity(args: {
  model: ScoringModel;
  transitions: SimTransition[];
  assignments: SimAssignment[];
  reps: Map<string, SeedRep>;
  policies: PolicyTerms[];
  now: Date;
  seed?: number;
}) {
  const prng = new Prng(args.seed ?? 6_2026);
  const byLead = new Map<string, SimTransition[]>();
  for (const t of args.transitions) byLead.set(t.leadId, [...(byLead.get(t.leadId) ?? []), t]);
  const clocks: SeedClock[] = [];
  const touches: SeedTouch[] = [];
  const decisions: SeedDecision[] = [];

  for (const a of args.assignments) {
    const rep = a.userId ? args.reps.get(a.userId) : undefined;
    if (!rep || !a.userId) continue;
    const history = (byLead.get(a.leadId) ?? []).sort((x, y) => x.at.getTime() - y.at.getTime());
    const handoff = history.find((t) => t.toStage === "mql");
    if (!handoff) continue;
    const policy =
      choosePolicy(args.policies, {
        fitGrade: fitGrade(args.model, handoff.scoreFit),
        total: handoff.scoreTotal,
      }) ?? FALLBACK_POLICY;
    const due = computeDeadlines(policy, a.at, scheduleOf(rep));
    const decided = history.find((t) => t.fromStage === "mql" && t.actorType === "user");
    const end = decided ? decided.at : args.now;

    // Touches: most reps call within the hour or two; some are late; "no response" needs the minimum.
    const noResponse = decided?.reason === "rejected" && decided.data.reasonCode === "no_response";
    const span = end.getTime() - a.at.getTime();
    const count = noResponse
      ? policy.minTouches + prng.int(0, 1)
      : decided
        ? prng.int(1, 3)
        : span > 2 * HOUR && prng.chance(0.5)
          ? prng.int(1, 2)
          : 0;
    const times = Array.from({ length: count }, (_, i) =>
      i === 0
        ? Math.min(
            a.at.getTime() + 0.1 * HOUR + prng.exponential(2 * HOUR),
            a.at.getTime() + span * 0.9,
          )
        : a.at.getTime() + prng.next() * span * 0.95,
    ).sort((x, y) => x - y);
    times.forEach((at, i) =>
      touches.push({
        leadId: a.leadId,
        userId: a.userId!,
        at: new Date(at),
        channel: prng.weighted(CHANNELS),
        outcome: noResponse
          ? prng.pick(["no_answer", "left_message"] as const)
          : i === times.length - 1 && decided?.reason === "accepted"
            ? "connected"
            : prng.pick(["no_answer", "left_message", "replied", "connected"] as const),
        note: null,
      }),
    );
    const firstTouchAt = times.length ? new Date(times[0]) : null;
    const firstLate =
      decided && (firstTouchAt ? firstTouchAt > due.firstTouchDue : end > due.firstTouchDue);
    const touchesLate =
      decided &&
      end > due.touchesDueBy &&
      times.filter((t) => t <= due.touchesDueBy.getTime()).length < policy.minTouches;
    clocks.push({
      leadId: a.leadId,
      userId: a.userId,
      teamId: a.teamId,
      policyId: policy.id,
      policyName: policy.name,
      minTouches: policy.minTouches,
      reassignOnBreach: policy.reassignOnBreach,
      startedAt: a.at,
      firstTouchDue: due.firstTouchDue,
      touchesDueBy: due.touchesDueBy,
      firstTouchAt,
      breachedFirstTouchAt: firstLate ? due.firstTouchDue : null,
      breachedTouchesAt: touchesLate ? due.touchesDueBy : null,
      closedAt: decided ? decided.at : null,
      closeReason: decided ? (DECISION_OF[decided.reason] ?? decided.reason) : null,
    });
  }

  for (const t of args.transitions) {
    const kind = DECISION_OF[t.reason];
    if (!kind || t.actorType !== "user" || !t.actorId) continue;
    decisions.push({
      leadId: t.leadId,
      userId: t.actorId,
      kind,
      reasonCode: typeof t.data.reasonCode === "string" ? t.data.reasonCode : null,
      note: null,
      bant:
        kind === "accept"
          ? {
              budget: prng.pick(BANT_ANSWERS.budget),
              authority: prng.pick(BANT_ANSWERS.authority),
              need: prng.pick(BANT_ANSWERS.need),
              timeframe: prng.pick(BANT_ANSWERS.timeframe),
            }
          : null,
      scoreTotal: t.scoreTotal,
      scoreFit: t.scoreFit,
      scoreEngagement: t.scoreEngagement,
      modelVersion: t.modelVersion,
      at: t.at,
    });
  }
  return { clocks, touches, decisions };
}
