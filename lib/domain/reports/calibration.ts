/**
 * Score calibration: for one target, the conversion rate of decided handoffs per band and per
 * decile of score, each with a Wilson 95 % interval — the score being the one THE MODEL JUDGED
 * (the live model by default, or the draft) gives each past handoff as of its own time, set-based
 * through the compiler (compileScoresAt: events up to then, attributes as recorded then). Not the
 * score recorded at the handoff, which an older model may have given: a model is judged on its own
 * scores. Handoffs before outcomes were first recorded for the target are left out
 * (`outcomesSince` says from when).
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import {
  mqlOutcomesSql,
  outcomeSql,
  outcomesRecordedSinceSql,
} from "@/lib/domain/outcomes/mql-outcomes";
import { compileScoresAt } from "@/lib/domain/scoring/compile-handoffs";
import { handoffRowsSql, scoringQuery } from "@/lib/domain/scoring/handoff-rows";
import { judgedModel, type JudgedModel } from "@/lib/domain/thresholds/handoff-backtest";
import { outcomesSince } from "./context";
import { bandIndexSql } from "./model-sql";
import { getReportSettings } from "./settings";
import type { CalibrationReport, CalibrationRow, ReportQuery } from "./types";
import { rate, wilson } from "./wilson";

type Row = {
  part: "b" | "d";
  k: number;
  handoffs: number;
  decided: number;
  converted: number;
  min_score: number | null;
  max_score: number | null;
  unrecorded: number;
};

function row(
  key: string,
  label: string,
  minScore: number | null,
  maxScore: number | null,
  r: Pick<Row, "handoffs" | "decided" | "converted"> | undefined,
): CalibrationRow {
  const { handoffs = 0, decided = 0, converted = 0 } = r ?? {};
  return {
    key,
    label,
    minScore,
    maxScore,
    handoffs,
    decided,
    converted,
    rate: rate(converted, decided),
    interval: wilson(converted, decided),
  };
}

export type Inversion = { lower: string; higher: string };

/**
 * Adjacent pairs (among rows with something decided, lowest first) where the higher converts
 * worse. An inversion is only called when the two Wilson intervals do not overlap — the higher
 * band's best case is below the lower band's worst case; a dip inside the intervals (2 decided
 * leads against 3) is a dip, which may be chance, and is reported apart.
 */
export function inversionsOf(rows: CalibrationRow[]): {
  inversions: Inversion[];
  dips: Inversion[];
} {
  const decided = rows.filter((r) => r.decided > 0);
  const inversions: Inversion[] = [];
  const dips: Inversion[] = [];
  decided.slice(1).forEach((higher, i) => {
    const lower = decided[i];
    if ((higher.rate ?? 0) >= (lower.rate ?? 0)) return;
    const pair = { lower: lower.key, higher: higher.key };
    if ((higher.interval?.high ?? 1) < (lower.interval?.low ?? 0)) inversions.push(pair);
    else dips.push(pair);
  });
  return { inversions, dips };
}

export async function calibrationReport(
  db: Queryable,
  query: ReportQuery,
  target: OutcomeTarget,
  now = new Date(),
  which: JudgedModel = "live",
): Promise<CalibrationReport> {
  const [settings, judged, since] = await Promise.all([
    getReportSettings(db),
    judgedModel(db, which),
    outcomesSince(db, target),
  ]);
  const base = {
    target,
    model: judged?.judged ?? which,
    version: judged?.version ?? null,
    outcomesSince: since,
  };
  if (!judged)
    return {
      ...base,
      bands: [],
      deciles: [],
      monotonic: true,
      inversions: [],
      dips: [],
      unrecorded: 0,
    };
  const { model } = judged;
  const { decided, positive } = outcomeSql(target, settings.outcomeWindowDays, now);
  // The handoffs once (materialized), each scored under the judged model as of its handoff; the
  // scoring reads them straight from lead_transitions (from the first outcome), parallel-safe.
  const first = [query.from, since ? new Date(since) : null].filter((d): d is Date => d !== null);
  const scored = handoffRowsSql({
    from: first.length ? new Date(Math.max(...first.map((d) => d.getTime()))) : null,
    to: now,
  });
  const rows = await scoringQuery<Row>(
    db,
    sql`
    with o as materialized (
      select o.transition_id, ${decided} as decided, ${positive} as positive
      from (${mqlOutcomesSql(query, now, { owner: false })}) o
      where o.mql_at >= coalesce((select since from (${outcomesRecordedSinceSql(target)}) s), '-infinity'::timestamptz)
    ),
    s as materialized (
      ${compileScoresAt(model, scored)}
    ),
    h as materialized (
      select s.total as score_total, ${bandIndexSql(model, sql`s.total`)} as band, o.decided, o.positive,
             s.unrecorded
      from o join s on s.row_id = o.transition_id
    )
    select 'b' as part, band as k, count(*)::int as handoffs, count(*) filter (where decided)::int as decided,
           count(*) filter (where decided and positive)::int as converted, null::float8 as min_score, null::float8 as max_score,
           count(*) filter (where unrecorded)::int as unrecorded
    from h group by band
    union all
    select 'd', decile, count(*)::int, count(*)::int, count(*) filter (where positive)::int, min(score_total)::float8, max(score_total)::float8, 0
    from (select score_total, positive, ntile(10) over (order by score_total) as decile from h where decided) d
    group by decile`,
  );
  const bandRows = new Map(rows.filter((r) => r.part === "b").map((r) => [Number(r.k), r]));
  const bands = model.bands.map((b, i, all) =>
    row(b.name, b.name, b.min, all[i + 1]?.min ?? null, bandRows.get(i)),
  );
  const deciles = rows
    .filter((r) => r.part === "d")
    .sort((a, b) => a.k - b.k)
    .map((r) =>
      row(
        String(r.k),
        `Decile ${r.k}`,
        r.min_score === null ? null : Number(r.min_score),
        r.max_score === null ? null : Number(r.max_score),
        r,
      ),
    );
  const { inversions, dips } = inversionsOf(bands);
  return {
    ...base,
    bands,
    deciles,
    monotonic: inversions.length === 0,
    inversions,
    dips,
    unrecorded: rows.reduce((n, r) => n + Number(r.unrecorded), 0),
  };
}
