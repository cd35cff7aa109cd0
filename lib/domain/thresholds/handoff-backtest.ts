/**
 * The backtest both the threshold designer and the threshold assistant read: past handoffs scored
 * UNDER THE MODEL BEING JUDGED (the live one or the draft), each as of its handoff's time, set-based
 * through the compiler (compileScoresAt) — "had this model been live, these past leads would have
 * scored so, and this is how they converted". Not the score recorded at the handoff, which an older
 * model gave.
 *
 * One definition of each figure, shared:
 * - the window: the `weeks` weeks of handoffs up to the latest one (now, for a live funnel; the end
 *   of an imported history otherwise); week i starts `from + i` weeks;
 * - MQLs per week at a threshold T: handoffs in the window whose backtested score is ≥ T, divided
 *   by the weeks covered (those ending after the window's first handoff: `weeksCovered`);
 * - conversion: the report target (settings) reached, among decided handoffs — reached, or closed
 *   without reaching it, or open beyond the outcome window (mqlOutcomesSql / outcomeSql); handoffs
 *   before outcomes started being recorded count in volume but not as decided.
 * Results are bucketed by week and whole point (floor of the score), so figures for whole-number
 * thresholds are exact and the browser recomputes them on every drag step (figures.ts).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { handoffRowsSql, scoringQuery } from "@/lib/domain/scoring/handoff-rows";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import {
  mqlOutcomesSql,
  outcomeSql,
  outcomesRecordedSince,
} from "@/lib/domain/outcomes/mql-outcomes";
import { outcomeSettings } from "@/lib/domain/predict/settings";
import { compileScoresAt } from "@/lib/domain/scoring/compile-handoffs";
import { scoringModelSchema, type ScoringModel } from "@/lib/domain/scoring/model";
import { getActiveModel, getDraft } from "@/lib/domain/scoring/versions";

export const DEFAULT_WEEKS = 26;
const WEEK_MS = 7 * 86_400_000;

export type JudgedModel = "live" | "draft";

/** Past handoffs of one week with one whole backtested score. */
export type BacktestBucket = {
  week: number;
  score: number;
  mqls: number;
  decided: number;
  converted: number;
  /** Accepted by sales (SAL or beyond). */
  accepted: number;
};

export type Backtest = {
  target: OutcomeTarget;
  /** The window: `weeks` weeks starting at `from`, ending with the latest handoff. */
  from: Date;
  end: Date;
  weeks: number;
  /** The window's first handoff; weeks ending before it are not counted per week. */
  firstHandoff: Date | null;
  outcomesSince: Date | null;
  buckets: BacktestBucket[];
  /** Handoffs without a record of the lead's attributes then, read as the lead is now. */
  unrecorded: number;
};

/**
 * The model a backtest judges: the live model, or the saved draft (the live model while there is
 * no valid draft). Null with nothing to judge.
 */
export async function judgedModel(
  db: Queryable,
  which: JudgedModel,
): Promise<{ model: ScoringModel; version: number | null; judged: JudgedModel } | null> {
  const active = await getActiveModel(db);
  if (which === "draft") {
    const draft = await getDraft(db);
    const parsed = draft ? scoringModelSchema.safeParse(draft.document) : null;
    if (parsed?.success) return { model: parsed.data, version: null, judged: "draft" };
  }
  return active ? { model: active.model, version: active.version, judged: "live" } : null;
}

/** Weeks of the window that end after its first handoff: the weeks "per week" divides by. */
export function weeksCoveredBy(bt: Pick<Backtest, "from" | "weeks" | "firstHandoff">): number {
  if (!bt.firstHandoff) return 0;
  const before = Math.floor((bt.firstHandoff.getTime() - bt.from.getTime()) / WEEK_MS);
  return Math.max(0, Math.min(bt.weeks, bt.weeks - Math.max(0, before)));
}

export async function backtestHandoffs(
  db: Queryable,
  input: { model: ScoringModel; now: Date; target?: OutcomeTarget; weeks?: number },
): Promise<Backtest> {
  const settings = await outcomeSettings(db);
  const target = input.target ?? settings.target;
  const weeks = input.weeks ?? DEFAULT_WEEKS;
  const nowSql = sql`${input.now.toISOString()}::timestamptz`;
  const [since, [last]] = await Promise.all([
    outcomesRecordedSince(db, target),
    queryRows<{ at: Date | string | null }>(
      db,
      sql`select max(at) as at from lead_transitions where to_stage = 'mql' and at <= ${nowSql}`,
    ),
  ]);
  const end = last?.at ? new Date(last.at) : input.now;
  const from = new Date(end.getTime() - weeks * WEEK_MS);
  const fromSql = sql`${from.toISOString()}::timestamptz`;
  const { decided, positive } = outcomeSql(target, settings.windowDays, input.now);
  const known = since
    ? sql`(${decided} and mql_at >= ${since.toISOString()}::timestamptz)`
    : sql`false`;
  // The handoffs and their outcomes once (materialized); the same handoffs scored under the model
  // as of each handoff, read straight from lead_transitions so the scoring may run in parallel.
  const rows = await scoringQuery<BacktestBucket & { first: string | null; unrecorded: number }>(
    db,
    sql`
    with o as materialized (${mqlOutcomesSql({ from }, input.now, { owner: false })}),
    s as materialized (
      ${compileScoresAt(input.model, handoffRowsSql({ from, to: input.now }))}
    )
    select least(floor(extract(epoch from (o.mql_at - ${fromSql})) / 604800), ${String(weeks - 1)}::int)::int as week,
           floor(s.total)::int as score, count(*)::int as mqls,
           count(*) filter (where ${known})::int as decided,
           count(*) filter (where ${known} and ${positive})::int as converted,
           count(*) filter (where o.accepted_at is not null)::int as accepted,
           count(*) filter (where s.unrecorded)::int as unrecorded,
           min(o.mql_at) as first
    from o join s on s.row_id = o.transition_id
    group by 1, 2 order by 1, 2`,
  );
  const firsts = rows.flatMap((r) => (r.first ? [new Date(r.first).getTime()] : []));
  return {
    target,
    from,
    end,
    weeks,
    firstHandoff: firsts.length ? new Date(Math.min(...firsts)) : null,
    outcomesSince: since,
    unrecorded: rows.reduce((n, r) => n + Number(r.unrecorded), 0),
    buckets: rows.map((r) => ({
      week: Number(r.week),
      score: Number(r.score),
      mqls: Number(r.mqls),
      decided: Number(r.decided),
      converted: Number(r.converted),
      accepted: Number(r.accepted),
    })),
  };
}

/** The buckets summed over the weeks: handoffs by whole backtested score. */
export function byScore(buckets: BacktestBucket[]): Omit<BacktestBucket, "week">[] {
  const scores = new Map<number, Omit<BacktestBucket, "week">>();
  for (const { week: _week, ...b } of buckets) {
    const s = scores.get(b.score) ?? {
      score: b.score,
      mqls: 0,
      decided: 0,
      converted: 0,
      accepted: 0,
    };
    s.mqls += b.mqls;
    s.decided += b.decided;
    s.converted += b.converted;
    s.accepted += b.accepted;
    scores.set(b.score, s);
  }
  return [...scores.values()].sort((a, b) => a.score - b.score);
}
