/**
 * Score calibration: for one target, the conversion rate of decided handoffs per band of the
 * active model and per decile of the handoff score, each with a Wilson 95 % interval. Handoffs
 * before outcomes were first recorded for the target are left out (`outcomesSince` says from when).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import {
  mqlOutcomesSql,
  outcomeSql,
  outcomesRecordedSinceSql,
} from "@/lib/domain/outcomes/mql-outcomes";
import { getActiveModel, outcomesSince } from "./context";
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
): Promise<CalibrationReport> {
  const [settings, active, since] = await Promise.all([
    getReportSettings(db),
    getActiveModel(db),
    outcomesSince(db, target),
  ]);
  const { decided, positive } = outcomeSql(target, settings.outcomeWindowDays, now);
  const band = active ? bandIndexSql(active.model, sql`score_total`) : sql`0`;
  const rows = await queryRows<Row>(
    db,
    sql`
    with h as materialized (
      select score_total, ${band} as band, ${decided} as decided, ${positive} as positive
      from (${mqlOutcomesSql(query, now, { owner: false })}) o
      where score_total is not null
        and mql_at >= coalesce((select since from (${outcomesRecordedSinceSql(target)}) s), '-infinity'::timestamptz)
    )
    select 'b' as part, band as k, count(*)::int as handoffs, count(*) filter (where decided)::int as decided,
           count(*) filter (where decided and positive)::int as converted, null::float8 as min_score, null::float8 as max_score
    from h group by band
    union all
    select 'd', decile, count(*)::int, count(*)::int, count(*) filter (where positive)::int, min(score_total)::float8, max(score_total)::float8
    from (select score_total, positive, ntile(10) over (order by score_total) as decile from h where decided) d
    group by decile`,
  );
  const bandRows = new Map(rows.filter((r) => r.part === "b").map((r) => [Number(r.k), r]));
  const bands = (active?.model.bands ?? []).map((b, i, all) =>
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
    target,
    bands,
    deciles,
    monotonic: inversions.length === 0,
    inversions,
    dips,
    outcomesSince: since,
  };
}
