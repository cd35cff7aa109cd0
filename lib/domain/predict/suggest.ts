/**
 * From coefficients to rules a marketer would write, and to points on the model's scale.
 *
 * Every coefficient is a candidate (each level, bin and rule column): its two-sided p-value from
 * z = weight / standard error, and Benjamini–Hochberg at a false-discovery rate of 5 % over ALL
 * candidates (with hundreds of candidates, |z| ≥ 2 alone would let dozens of noise columns
 * through). Only a rule whose coefficient survives gets new points; the others keep theirs.
 *
 * Points per log-odds: the least-squares fit through the origin of the current rules' |points| on
 * their |effects| (the log-odds a first hit adds: weight × ln 2, as rule features are log1p(hits));
 * without a usable rule, 10 points per log-odds unit.
 *
 * New rules are grouped the way a person reads them: the surviving levels of a text field with the
 * same sign become one "field in {…}" rule (eq for one level); surviving adjacent bins of a number
 * with the same sign become "field between lo and hi" (≥ lo for the top bin); points from the
 * support-weighted mean weight. Levels an existing attribute rule already matches are left out. A
 * rule on an attribute the leakage guard flagged (included knowingly) is marked, never pre-ticked.
 */
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { matches } from "@/lib/domain/scoring/conditions";
import type { NewRuleSuggestion, RuleSuggestion } from "./types";
import type { FeatureSpec } from "./features";
import type { SparseRow } from "./logistic";

export const FDR = 0.05;
/** The old cut, kept to report how many |z| ≥ 2 would have let through. */
export const NAIVE_Z = 2;
const FALLBACK_POINTS_PER_LOG_ODDS = 10;
const MAX_NEW_RULES = 20;

/** Standard normal upper tail (Abramowitz–Stegun 7.1.26 via erfc), accurate to ~1e-7. */
export function normalTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
    Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** Benjamini–Hochberg: which of the p-values are discoveries at false-discovery rate q. */
export function benjaminiHochberg(pValues: number[], q = FDR): boolean[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  let cut = -1;
  order.forEach((i, rank) => {
    if (pValues[i] <= ((rank + 1) / m) * q) cut = rank;
  });
  const keep = new Array<boolean>(m).fill(false);
  for (let r = 0; r <= cut; r++) keep[order[r]] = true;
  return keep;
}

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
  /** Attributes the leakage guard flagged: suggestions on them are never pre-ticked. */
  flagged?: Set<string>;
};

export type CandidateCount = { tested: number; discoveries: number; naive: number };

export function suggestChanges({ model, spec, weights, stdErrors, stats, flagged }: SuggestInput): {
  rules: RuleSuggestion[];
  newRules: NewRuleSuggestion[];
  pointsPerLogOdds: number;
  candidates: CandidateCount;
} {
  const column = new Map(spec.features.map((f, j) => [f.name, j]));
  const tested = spec.features
    .map((_, j) => j)
    .filter((j) => stats.support[j] > 0 && stdErrors[j] !== null && stdErrors[j]! > 0);
  const zOf = (j: number) => weights[j] / stdErrors[j]!;
  const keep = benjaminiHochberg(tested.map((j) => 2 * normalTail(Math.abs(zOf(j)))));
  const significantSet = new Set(tested.filter((_, k) => keep[k]));
  const significant = (j: number) => significantSet.has(j);
  const ruleColumns = (model?.rules ?? []).flatMap((rule) => {
    const j = column.get(`rule:${rule.id}`);
    return j === undefined ? [] : [{ rule, j, effect: weights[j] * Math.LN2 }];
  });
  const fired = ruleColumns.filter((r) => stats.support[r.j] > 0);
  const strong = fired.filter((r) => significant(r.j));
  const scale = pointsPerLogOdds(
    (strong.length >= 2 ? strong : fired).map((r) => ({ points: r.rule.points, effect: r.effect })),
  );
  const rules: RuleSuggestion[] = ruleColumns.map(({ rule, j, effect }) => ({
    ruleId: rule.id,
    label: rule.label,
    currentPoints: rule.points,
    // A rule without clear evidence (never fired, or not a discovery) keeps its points.
    suggestedPoints: significant(j) ? Math.round(scale * effect) + 0 : rule.points,
    weight: weights[j],
    support: stats.support[j],
    lift: lift(stats, j),
  }));
  const taken = new Set((model?.rules ?? []).map((r) => r.id));
  type Group = {
    field: string;
    label: string;
    columns: number[];
    rule: Omit<NewRuleSuggestion["rule"], "id" | "points" | "kind" | "label">;
    text: string;
  };
  const groups: Group[] = [];
  for (const a of spec.attributes) {
    if (a.kind === "text") {
      for (const sign of [1, -1]) {
        const levels = a.levels.filter((v) => {
          const j = column.get(`${a.field}=${v}`)!;
          return significant(j) && Math.sign(weights[j]) === sign && !covered(model, a.field, v);
        });
        if (!levels.length) continue;
        groups.push({
          field: a.field,
          label: a.label,
          columns: levels.map((v) => column.get(`${a.field}=${v}`)!),
          rule:
            levels.length === 1
              ? { field: a.field, op: "eq", value: levels[0] }
              : { field: a.field, op: "in", value: levels },
          text:
            levels.length === 1
              ? `${a.label}: ${levels[0]}`
              : `${a.label} in {${levels.join(", ")}}`,
        });
      }
    } else if (a.kind === "number") {
      let run: number[] = [];
      const flush = () => {
        if (!run.length) return;
        const lo = a.bins[run[0]][0];
        const hi = a.bins[run[run.length - 1]][1];
        const top = run[run.length - 1] === a.bins.length - 1;
        groups.push({
          field: a.field,
          label: a.label,
          columns: run.map((b) => column.get(`${a.field}#${b}`)!),
          rule: top
            ? { field: a.field, op: "gte", value: lo }
            : { field: a.field, op: "between", value: [lo, hi] },
          text: top ? `${a.label} ≥ ${lo}` : `${a.label} ${lo}–${hi}`,
        });
        run = [];
      };
      a.bins.forEach((_, b) => {
        const j = column.get(`${a.field}#${b}`)!;
        const prev = run.length ? column.get(`${a.field}#${run[run.length - 1]}`)! : null;
        if (!significant(j)) return flush();
        if (prev !== null && Math.sign(weights[prev]) !== Math.sign(weights[j])) flush();
        run.push(b);
      });
      flush();
    }
  }
  const scored = groups
    .map((g) => {
      const support = g.columns.reduce((s, j) => s + stats.support[j], 0);
      const positives = g.columns.reduce((s, j) => s + stats.positives[j], 0);
      const weight =
        g.columns.reduce((s, j) => s + weights[j] * stats.support[j], 0) / Math.max(support, 1);
      const z = Math.max(...g.columns.map((j) => Math.abs(zOf(j))));
      return { g, support, positives, weight, z, points: Math.round(scale * weight) + 0 };
    })
    .filter((x) => x.points !== 0)
    .sort((a, b) => b.z - a.z)
    .slice(0, MAX_NEW_RULES);
  const newRules: NewRuleSuggestion[] = scored.map(({ g, support, positives, weight, points }) => {
    const isFlagged = flagged?.has(g.field) ?? false;
    return {
      rule: {
        id: ruleIdFor(
          g.field,
          Array.isArray(g.rule.value) ? g.rule.value.join("-") : String(g.rule.value),
          taken,
        ),
        kind: "attribute",
        label: g.text,
        ...g.rule,
        points,
      } as NewRuleSuggestion["rule"],
      weight,
      support,
      lift:
        support && stats.totalPositives
          ? positives / support / (stats.totalPositives / stats.total)
          : null,
      flagged: isFlagged,
      preselected: !isFlagged,
    };
  });
  return {
    rules,
    newRules,
    pointsPerLogOdds: scale,
    candidates: {
      tested: tested.length,
      discoveries: significantSet.size,
      naive: tested.filter((j) => Math.abs(zOf(j)) >= NAIVE_Z).length,
    },
  };
}
