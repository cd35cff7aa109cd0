/** Which outcome the predictive score and the threshold assistant learn: the report settings, renamed. */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { predictiveSettings } from "@/db/schema/predict";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { getReportSettings } from "@/lib/domain/reports/settings";

export type OutcomeSettings = { target: OutcomeTarget; windowDays: number; targetRate: number };

export async function outcomeSettings(db: Queryable): Promise<OutcomeSettings> {
  const s = await getReportSettings(db);
  return { target: s.targetStage, windowDays: s.outcomeWindowDays, targetRate: s.targetRate };
}

/** Attributes the leakage guard flagged that a manager chose to include anyway (applied at the next training). */
export async function getIncludedAttributes(db: Queryable): Promise<string[]> {
  const [row] = await db
    .select()
    .from(predictiveSettings)
    .where(sql`${predictiveSettings.id} = 1`);
  return row?.includedAttributes ?? [];
}

export async function setIncludedAttributes(
  db: Queryable,
  fields: string[],
  by: string | null,
): Promise<string[]> {
  const unique = [...new Set(fields)].sort();
  await db
    .insert(predictiveSettings)
    .values({ id: 1, includedAttributes: unique, updatedBy: by })
    .onConflictDoUpdate({
      target: predictiveSettings.id,
      set: { includedAttributes: unique, updatedBy: by, updatedAt: new Date() },
    });
  return unique;
}
