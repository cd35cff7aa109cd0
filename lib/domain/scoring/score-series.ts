/**
 * A lead's score over a recent window, as points to draw. score_history holds the lead's first
 * score and every later move of a point or more, so the score at any instant is the last snapshot
 * at or before it. The series therefore starts with the value carried into the window (when the
 * lead was scored before it, placed at the window's start), then every snapshot inside the window,
 * and ends with the current score from lead_scores, placed at `now`: it holds until something
 * moves it, and moves under a point are not snapshotted at all.
 */
import { and, asc, desc, eq, gte, lt, lte } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { leadScores, scoreHistory } from "@/db/schema";

export type SeriesPoint = {
  at: string;
  total: number;
  fit: number;
  engagement: number;
  modelVersion: number;
};

export type ScoreSeries = { from: string; to: string; points: SeriesPoint[] };

const DAY_MS = 86_400_000;

export async function scoreSeries(
  db: Queryable,
  leadId: string,
  options: { days?: number; now?: Date } = {},
): Promise<ScoreSeries> {
  const now = options.now ?? new Date();
  const from = new Date(now.getTime() - (options.days ?? 90) * DAY_MS);
  const columns = {
    at: scoreHistory.at,
    total: scoreHistory.total,
    fit: scoreHistory.fit,
    engagement: scoreHistory.engagement,
    modelVersion: scoreHistory.modelVersion,
  };
  const [[before], inside, [current]] = await Promise.all([
    db
      .select(columns)
      .from(scoreHistory)
      .where(and(eq(scoreHistory.leadId, leadId), lt(scoreHistory.at, from)))
      .orderBy(desc(scoreHistory.at), desc(scoreHistory.id))
      .limit(1),
    db
      .select(columns)
      .from(scoreHistory)
      .where(
        and(eq(scoreHistory.leadId, leadId), gte(scoreHistory.at, from), lte(scoreHistory.at, now)),
      )
      .orderBy(asc(scoreHistory.at), asc(scoreHistory.id)),
    db
      .select({
        total: leadScores.total,
        fit: leadScores.fit,
        engagement: leadScores.engagement,
        modelVersion: leadScores.modelVersion,
        asOf: leadScores.asOf,
      })
      .from(leadScores)
      .where(eq(leadScores.leadId, leadId)),
  ]);
  const point = (at: Date, row: Omit<SeriesPoint, "at">): SeriesPoint => ({
    at: at.toISOString(),
    total: row.total,
    fit: row.fit,
    engagement: row.engagement,
    modelVersion: row.modelVersion,
  });
  const points: SeriesPoint[] = [];
  if (before) points.push(point(from, before));
  for (const row of inside) {
    // Two snapshots at the same instant (a publish right after an ingest): the later one holds.
    if (points.length && points[points.length - 1].at === row.at.toISOString()) points.pop();
    points.push(point(row.at, row));
  }
  if (current && current.asOf.getTime() <= now.getTime()) {
    if (points.length && points[points.length - 1].at === now.toISOString()) points.pop();
    points.push(point(now, current));
  }
  return { from: from.toISOString(), to: now.toISOString(), points };
}
