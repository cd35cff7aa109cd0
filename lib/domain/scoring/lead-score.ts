/**
 * A lead's stored score, with its receipt: the evaluator re-runs the lead's own model version
 * on its events at the score's as-of time, which gives the stored numbers back line by line.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { events, leadScores, leads } from "@/db/schema";
import { evaluate, type ReceiptLine, type Score } from "./evaluate";
import type { ScoredLead } from "./fields";
import { isActive } from "./model";
import { getModelVersion } from "./versions";

export type LeadScore = {
  total: number;
  fit: number;
  engagement: number;
  grade: string;
  fitGrade: string;
  engagementGrade: number;
  band: string;
  modelVersion: number;
  asOf: string;
};

export type LeadScoreWithReceipt = LeadScore & {
  receipt: { lines: ReceiptLine[]; caps: Score["receipt"]["caps"] } | null;
};

export async function getLeadScore(
  db: Queryable,
  leadId: string,
  options: { receipt?: boolean } = {},
): Promise<LeadScoreWithReceipt | null> {
  const [row] = await db.select().from(leadScores).where(eq(leadScores.leadId, leadId));
  if (!row) return null;
  const score: LeadScore = {
    total: row.total,
    fit: row.fit,
    engagement: row.engagement,
    grade: `${row.fitGrade}${row.engagementGrade}`,
    fitGrade: row.fitGrade,
    engagementGrade: row.engagementGrade,
    band: row.band,
    modelVersion: row.modelVersion,
    asOf: row.asOf.toISOString(),
  };
  if (!options.receipt) return { ...score, receipt: null };
  const model = await getModelVersion(db, row.modelVersion);
  if (!model) return { ...score, receipt: null };
  const [lead] = await db.select().from(leads).where(eq(leads.id, leadId));
  const names = [
    ...new Set(model.rules.filter(isActive).flatMap((r) => (r.kind === "event" ? [r.event] : []))),
  ];
  const own = names.length
    ? await db
        .select({
          id: events.id,
          name: events.name,
          properties: events.properties,
          occurredAt: events.occurredAt,
        })
        .from(events)
        .where(and(eq(events.leadId, leadId), inArray(events.name, names)))
    : [];
  const result = evaluate(model, lead as ScoredLead, own, row.asOf);
  return { ...score, receipt: result.receipt };
}
