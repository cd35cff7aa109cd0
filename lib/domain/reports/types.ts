/**
 * The shapes the dashboards read (`GET /api/v1/reports/*`), shared by lib/reports, the API routes
 * and the UI. Dates are ISO strings; rates are shares (0.3 = 30 %), null when nothing is decided.
 */
import type { OutcomeTarget } from "@/lib/shared/vocabulary";

export type Grain = "week" | "month";
export const SPLITS = ["none", "source", "band", "grade", "rep", "team"] as const;
export type Split = (typeof SPLITS)[number];

/** Query of every report: handoffs in [from, to), optionally one team / rep / source. */
export type ReportQuery = {
  from: Date | null;
  to: Date | null;
  teamId: string | null;
  repId: string | null;
  source: string | null;
};

/** Counts of handoffs that reached each stage (a later stage counts for the earlier ones). */
export type StageCounts = {
  mqls: number;
  accepted: number;
  qualified: number;
  opportunity: number;
  won: number;
};

export type FunnelReport = {
  grain: Grain;
  split: Split;
  /** One per cohort (week or month of the handoff), oldest first, with no gaps. */
  cohorts: ({ cohort: string } & StageCounts)[];
  /** One per value of the split (empty when split is "none"), largest first; key is an id or value, label what to show. */
  groups: ({ key: string; label: string } & StageCounts)[];
  totals: StageCounts;
  target: { rate: number; stage: OutcomeTarget };
  /** First recorded transition into the target's stages: earlier cohorts may under-count. */
  outcomesSince: string | null;
};

/** Wilson 95 % interval of a rate. */
export type Interval = { low: number; high: number };

export type CalibrationRow = {
  key: string;
  label: string;
  minScore: number | null;
  maxScore: number | null;
  handoffs: number;
  decided: number;
  converted: number;
  rate: number | null;
  interval: Interval | null;
};
export type CalibrationReport = {
  target: OutcomeTarget;
  /** The model whose scores are judged: the live one, or the draft (live when there is none). */
  model: "live" | "draft";
  /** The live model's version when it is the one judged; null for a draft or no model. */
  version: number | null;
  bands: CalibrationRow[];
  deciles: CalibrationRow[];
  /** False only when some band converts worse than the one below it beyond the intervals. */
  monotonic: boolean;
  /** Adjacent pairs where a higher band converts worse, the two 95 % intervals apart. */
  inversions: { lower: string; higher: string }[];
  /** Adjacent pairs where a higher band converts worse, within the intervals (may be chance). */
  dips: { lower: string; higher: string }[];
  outcomesSince: string | null;
  /** Handoffs without a record of the lead's attributes then, read as the lead is now. */
  unrecorded: number;
};

export type RuleLiftRow = {
  ruleId: string;
  label: string;
  kind: "attribute" | "event";
  points: number;
  /** Decided handoffs where the rule had fired at handoff time, and how many of those converted. */
  fired: number;
  firedConverted: number;
  /** Share of accepted (converted) handoffs the rule fired on, and of rejected ones. */
  shareOfAccepted: number | null;
  shareOfRejected: number | null;
  /** P(converted | fired) / P(converted); null below 1 decided handoff. */
  lift: number | null;
  interval: Interval | null;
};
export type RuleLiftReport = {
  target: OutcomeTarget;
  modelVersion: number | null;
  decided: number;
  converted: number;
  rules: RuleLiftRow[];
  snapshotsPending: number;
};

export type SlaRow = {
  key: string;
  label: string;
  clocks: number;
  met: number;
  breached: number;
  open: number;
  compliance: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
};
export type SlaReport = {
  reps: SlaRow[];
  teams: SlaRow[];
  /** Time to first touch (wall-clock minutes) in buckets: [0,5), [5,15), [15,60), [60,240), [240,1440), [1440, ∞). */
  distribution: {
    bucket: string;
    minMinutes: number;
    maxMinutes: number | null;
    touches: number;
  }[];
  breachesByWeek: { week: string; firstTouch: number; touches: number }[];
  overall: SlaRow;
};

export type ReasonsReport = {
  grain: Grain;
  periods: string[];
  reasons: {
    kind: "reject" | "disqualify";
    code: string;
    label: string;
    counts: number[];
    total: number;
    spike: { period: string; count: number; expected: number } | null;
  }[];
};

export type ReportSettingsView = {
  targetRate: number;
  targetStage: OutcomeTarget;
  outcomeWindowDays: number;
};
