/**
 * The evaluator: scores one lead in memory and explains it with a receipt.
 *
 * Attribute rules add their points to fit when their condition holds. Event rules add to
 * engagement once per matching event: events of the rule's name whose properties meet every
 * `where` condition, no older than `withinDays`, at most the `maxCount` most recent, each worth
 * points × 0.5^(age / halfLifeDays) when a half-life is set (age in days, 0 for events stamped
 * in the future). Caps clamp fit, engagement and the total from above.
 */
import { matches } from "./conditions";
import { seeField, type ScoredLead } from "./fields";
import {
  bandOf,
  capped,
  engagementGrade,
  fitGrade,
  type EngagementGrade,
  type FitGrade,
} from "./grade";
import { isActive, type EventRule, type ScoringModel } from "./model";
import { atPath, fold, parseDecimal, scalarText } from "./text";

export type ScoredEvent = {
  id: number;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
};

export type ReceiptLine = {
  ruleId: string;
  label: string;
  kind: "attribute" | "event";
  /** Points per match, as written in the rule. */
  points: number;
  /** Matches counted (1 for an attribute rule). */
  count: number;
  /** Matching events before maxCount. */
  matched: number;
  decayed: boolean;
  /** What the rule adds: points × count, after decay. */
  earned: number;
  /** The counted events, most recent first. */
  eventIds: number[];
};

export type CapLine = { raw: number; cap: number | null; applied: boolean };

export type Score = {
  total: number;
  fit: number;
  engagement: number;
  fitGrade: FitGrade;
  engagementGrade: EngagementGrade;
  grade: string;
  band: string;
  asOf: Date;
  receipt: { lines: ReceiptLine[]; caps: { fit: CapLine; engagement: CapLine; total: CapLine } };
};

const DAY_MS = 86_400_000;

function eventMatches(rule: EventRule, event: ScoredEvent): boolean {
  if (event.name !== rule.event) return false;
  return (rule.where ?? []).every((c) => {
    const text = scalarText(atPath(event.properties, c.property.split(".")));
    const t = text === null || text === "" ? null : text;
    return matches(c, { text: t === null ? null : fold(t), num: parseDecimal(t) });
  });
}

function scoreEventRule(rule: EventRule, events: ScoredEvent[], asOf: Date): ReceiptLine {
  const asOfMs = asOf.getTime();
  const hits = events
    .filter((e) => eventMatches(rule, e))
    .filter((e) => !rule.withinDays || asOfMs - e.occurredAt.getTime() <= rule.withinDays * DAY_MS)
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.id - a.id);
  const counted = rule.maxCount ? hits.slice(0, rule.maxCount) : hits;
  let earned = 0;
  for (const e of counted) {
    const ageDays = Math.max(0, asOfMs - e.occurredAt.getTime()) / DAY_MS;
    earned += rule.halfLifeDays
      ? rule.points * Math.pow(0.5, ageDays / rule.halfLifeDays)
      : rule.points;
  }
  return {
    ruleId: rule.id,
    label: rule.label,
    kind: "event",
    points: rule.points,
    count: counted.length,
    matched: hits.length,
    decayed: Boolean(rule.halfLifeDays) && counted.length > 0,
    earned,
    eventIds: counted.slice(0, 100).map((e) => e.id),
  };
}

export function evaluate(
  model: ScoringModel,
  lead: ScoredLead,
  events: ScoredEvent[],
  asOf: Date,
): Score {
  const lines: ReceiptLine[] = [];
  let fitRaw = 0;
  let engagementRaw = 0;
  for (const rule of model.rules.filter(isActive)) {
    if (rule.kind === "attribute") {
      if (!matches(rule, seeField(lead, rule.field))) continue;
      fitRaw += rule.points;
      lines.push({
        ruleId: rule.id,
        label: rule.label,
        kind: "attribute",
        points: rule.points,
        count: 1,
        matched: 1,
        decayed: false,
        earned: rule.points,
        eventIds: [],
      });
    } else {
      const line = scoreEventRule(rule, events, asOf);
      if (line.count === 0) continue;
      engagementRaw += line.earned;
      lines.push(line);
    }
  }
  const fit = capped(fitRaw, model.caps.fit);
  const engagement = capped(engagementRaw, model.caps.engagement);
  const total = capped(fit + engagement, model.caps.total);
  const fg = fitGrade(model, fit);
  const eg = engagementGrade(model, engagement);
  const cap = (raw: number, c: number | null, value: number): CapLine => ({
    raw,
    cap: c,
    applied: value !== raw,
  });
  return {
    total,
    fit,
    engagement,
    fitGrade: fg,
    engagementGrade: eg,
    grade: `${fg}${eg}`,
    band: bandOf(model, total),
    asOf,
    receipt: {
      lines,
      caps: {
        fit: cap(fitRaw, model.caps.fit, fit),
        engagement: cap(engagementRaw, model.caps.engagement, engagement),
        total: cap(fit + engagement, model.caps.total, total),
      },
    },
  };
}
