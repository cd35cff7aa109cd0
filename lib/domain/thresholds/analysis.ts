/**
 * The evidence behind the threshold designer, aggregated in SQL into whole-point buckets small
 * enough to send to the browser (figures.ts turns them into figures for any candidate threshold):
 * - current scores, per point;
 * - the shared backtest (handoff-backtest.ts), the threshold assistant's too: past handoffs of the
 *   window scored under the model being designed (the draft, or the live model), each as of its
 *   handoff — per week, and by score with their outcomes for the report target.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { outcomeSettings } from "@/lib/domain/predict/settings";
import type { ScoreBucket, ThresholdEvidence, Week } from "./figures";
import { backtestHandoffs, byScore, judgedModel, type JudgedModel } from "./handoff-backtest";

const WEEK_MS = 7 * 86_400_000;

export async function thresholdEvidence(
  db: Queryable,
  now = new Date(),
  which: JudgedModel = "draft",
): Promise<ThresholdEvidence> {
  const [scores, judged] = await Promise.all([
    queryRows<ScoreBucket>(
      db,
      sql`select floor(total)::int as score, count(*)::int as leads from lead_scores group by 1 order by 1`,
    ),
    judgedModel(db, which),
  ]);
  if (!judged) {
    const { target } = await outcomeSettings(db);
    return {
      scores,
      weeks: [],
      historySince: null,
      handoffs: [],
      model: which,
      target,
      unrecorded: 0,
    };
  }
  const bt = await backtestHandoffs(db, { model: judged.model, now });
  const weeks: Week[] = Array.from({ length: bt.weeks }, (_, i) => ({
    start: new Date(bt.from.getTime() + i * WEEK_MS).toISOString(),
    handoffs: [],
  }));
  for (const b of bt.buckets) weeks[b.week]?.handoffs.push({ score: b.score, mqls: b.mqls });
  return {
    scores,
    weeks,
    historySince: bt.firstHandoff ? bt.firstHandoff.toISOString() : null,
    handoffs: byScore(bt.buckets).map(({ score, mqls, decided, converted }) => ({
      score,
      mqls,
      decided,
      converted,
    })),
    model: judged.judged,
    target: bt.target,
    unrecorded: bt.unrecorded,
  };
}
