/**
 * From coefficients to points the marketer can review.
 *
 * The model's weights are in log-odds; the scoring model's points are on its own scale. One
 * factor, points per log-odds, maps one to the other: the least-squares fit through the origin of
 * the current rules' |points| on their |effects| (the log-odds a first hit adds: weight × ln 2, as
 * rule features are log1p(hits)). Suggested points are that factor × effect, rounded, with the
 * sign of the coefficient. Without a usable rule, 10 points per log-odds unit. Only a rule whose
 * coefficient is at least two standard errors from 0 gets new points (the scale is fitted on those
 * when there are two or more); the others keep theirs — no evidence, no change.
 *
 * New rules: a level of source, industry, seniority, country or a trait whose coefficient is at
 * least two standard errors from 0, that no existing attribute rule on that field already matches,
 * becomes a ready attribute rule (field eq value) at the same scale.
 */
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { matches } from "@/lib/domain/scoring/conditions";
import type { NewRuleSuggestion, RuleSuggestion } from "./types";
import type { FeatureSpec } from "./features";
import type { SparseRow } from "./logistic";

export const MIN_Z = 2;
const FALLBACK_POINTS_PER_LOG_ODDS = 10;
const MAX_NEW_RULES = 20;

export type FeatureStats = {
  support: number[];
  positives: number[];
  total: number;
  totalPositives: number;
};

/** How many rows each feature is non-zero on, and how many of those are positive. */
export function featureStats(rows: SparseRow[], labels: number[], p: number): FeatureStats {
  const support = new Array<number>(p).fill(0);
  const positives = new Array<number>(p).fill(0);
  rows.forEach((r, i) => {
    for (const j of r.index) {
      support[j]++;
      positives[j] += labels[i];
    }
  });
  return {
    support,
    positives,
    total: rows.length,
    totalPositives: labels.reduce((a, b) => a + b, 0),
  };
}

function lift(stats: FeatureStats, j: number): number | null {
  if (!stats.support[j] || !stats.totalPositives) return null;
  return stats.positives[j] / stats.support[j] / (stats.totalPositives / stats.total);
}

export function pointsPerLogOdds(pairs: { points: number; effect: number }[]): number {
  const usable = pairs.filter((p) => p.effect !== 0 && Number.isFinite(p.effect));
  const num = usable.reduce((s, p) => s + Math.abs(p.points) * Math.abs(p.effect), 0);
  const den = usable.reduce((s, p) => s + p.effect * p.effect, 0);
  return num > 0 && den > 0 ? num / den : FALLBACK_POINTS_PER_LOG_ODDS;
}

function ruleIdFor(field: string, value: string, taken: Set<string>): string {
  const slug =
    `${field}-${value}`
      .replace(/^traits\./, "trait-")
      .replace(/[^A-Za-z0-9_-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 56) || "rule";
  let id = `p-${slug}`;
  for (let n = 2; taken.has(id); n++) id = `p-${slug}-${n}`;
  taken.add(id);
  return id;
}

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

function covered(model: ScoringModel | null, field: string, value: string): boolean {
  const seen = { text: value, num: DECIMAL.test(value) ? Number(value) : null };
  return (model?.rules ?? []).some(
    (r) =>
      r.kind === "attribute" &&
      r.field === field &&
      ["eq", "in", "contains", "startsWith"].includes(r.op) &&
      matches(r, seen),
  );
}

export type SuggestInput = {
  model: ScoringModel | null;
  spec: FeatureSpec;
  weights: number[];
  stdErrors: (number | null)[];
  stats: FeatureStats;
};

export function suggestChanges({ model, spec, weights, stdErrors, stats }: SuggestInput): {
  rules: RuleSuggestion[];
  newRules: NewRuleSuggestion[];
  pointsPerLogOdds: number;
} {
  const column = new Map(spec.features.map((f, j) => [f.name, j]));
  const ruleColumns = (model?.rules ?? []).flatMap((rule) => {
    const j = column.get(`rule:${rule.id}`);
    return j === undefined ? [] : [{ rule, j, effect: weights[j] * Math.LN2 }];
  });
  const significant = (j: number) =>
    stats.support[j] > 0 &&
    stdErrors[j] !== null &&
    stdErrors[j]! > 0 &&
    Math.abs(weights[j] / stdErrors[j]!) >= MIN_Z;
  const fired = ruleColumns.filter((r) => stats.support[r.j] > 0);
  const strong = fired.filter((r) => significant(r.j));
  const scale = pointsPerLogOdds(
    (strong.length >= 2 ? strong : fired).map((r) => ({ points: r.rule.points, effect: r.effect })),
  );
  const rules: RuleSuggestion[] = ruleColumns.map(({ rule, j, effect }) => ({
    ruleId: rule.id,
    label: rule.label,
    currentPoints: rule.points,
    // A rule without clear evidence (never fired, or within two standard errors of 0) keeps its points.
    suggestedPoints: significant(j) ? Math.round(scale * effect) + 0 : rule.points,
    weight: weights[j],
    support: stats.support[j],
    lift: lift(stats, j),
  }));
  const taken = new Set((model?.rules ?? []).map((r) => r.id));
  const candidates = spec.categorical.flatMap((c) =>
    c.levels.flatMap((value) => {
      const j = column.get(`${c.field}=${value}`)!;
      const se = stdErrors[j];
      const z = se ? weights[j] / se : 0;
      const points = Math.round(scale * weights[j]) + 0;
      return Math.abs(z) >= MIN_Z && points !== 0 && !covered(model, c.field, value)
        ? [{ field: c.field, value, j, z, points }]
        : [];
    }),
  );
  candidates.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
  const newRules: NewRuleSuggestion[] = candidates
    .slice(0, MAX_NEW_RULES)
    .map(({ field, value, j, points }) => ({
      rule: {
        id: ruleIdFor(field, value, taken),
        kind: "attribute",
        label: `${spec.features[j].label}`,
        field,
        op: "eq",
        value,
        points,
      },
      weight: weights[j],
      support: stats.support[j],
      lift: lift(stats, j),
    }));
  return { rules, newRules, pointsPerLogOdds: scale };
}
