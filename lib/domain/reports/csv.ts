/**
 * Each report as CSV (RFC 4180: fields with a comma, quote or line break are quoted, quotes
 * doubled). Text cells that a spreadsheet would run as a formula (=, +, -, @) get a leading
 * apostrophe; numbers are written as they are.
 */
import type {
  CalibrationReport,
  FunnelReport,
  Interval,
  ReasonsReport,
  RuleLiftReport,
  SlaReport,
  SlaRow,
} from "./types";

export type Cell = string | number | boolean | null | undefined;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

const stages = ["mqls", "accepted", "qualified", "opportunity", "won"] as const;
const ci = (i: Interval | null) => [i?.low ?? null, i?.high ?? null];

export function funnelCsv(r: FunnelReport): Cell[][] {
  return [
    ["part", "key", "label", ...stages],
    ...r.cohorts.map((c) => ["cohort", c.cohort, c.cohort, ...stages.map((s) => c[s])]),
    ...r.groups.map((g) => [r.split, g.key, g.label, ...stages.map((s) => g[s])]),
    ["total", "", "", ...stages.map((s) => r.totals[s])],
  ];
}

export function calibrationCsv(r: CalibrationReport): Cell[][] {
  const rows = (part: string, list: CalibrationReport["bands"]) =>
    list.map((b) => [
      part,
      b.key,
      b.label,
      b.minScore,
      b.maxScore,
      b.handoffs,
      b.decided,
      b.converted,
      b.rate,
      ...ci(b.interval),
    ]);
  return [
    [
      "part",
      "key",
      "label",
      "min_score",
      "max_score",
      "handoffs",
      "decided",
      "converted",
      "rate",
      "rate_low",
      "rate_high",
    ],
    ...rows("band", r.bands),
    ...rows("decile", r.deciles),
  ];
}

export function ruleLiftCsv(r: RuleLiftReport): Cell[][] {
  return [
    [
      "rule_id",
      "label",
      "kind",
      "points",
      "fired",
      "fired_converted",
      "share_of_accepted",
      "share_of_rejected",
      "lift",
      "lift_low",
      "lift_high",
    ],
    ...r.rules.map((x) => [
      x.ruleId,
      x.label,
      x.kind,
      x.points,
      x.fired,
      x.firedConverted,
      x.shareOfAccepted,
      x.shareOfRejected,
      x.lift,
      ...ci(x.interval),
    ]),
  ];
}

export function slaCsv(r: SlaReport): Cell[][] {
  const row = (part: string, x: SlaRow) => [
    part,
    x.key,
    x.label,
    x.clocks,
    x.met,
    x.breached,
    x.open,
    x.compliance,
    x.medianMinutes,
    x.p90Minutes,
  ];
  return [
    [
      "part",
      "key",
      "label",
      "clocks",
      "met",
      "breached",
      "open",
      "compliance",
      "median_minutes",
      "p90_minutes",
    ],
    row("overall", r.overall),
    ...r.teams.map((t) => row("team", t)),
    ...r.reps.map((t) => row("rep", t)),
  ];
}

export function reasonsCsv(r: ReasonsReport): Cell[][] {
  return [
    ["kind", "code", "label", ...r.periods, "total"],
    ...r.reasons.map((x) => [x.kind, x.code, x.label, ...x.counts, x.total]),
  ];
}
