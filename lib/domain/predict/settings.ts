/** Which outcome the predictive score and the threshold assistant learn: the report settings, renamed. */
import type { Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { getReportSettings } from "@/lib/domain/reports/settings";

export type OutcomeSettings = { target: OutcomeTarget; windowDays: number; targetRate: number };

export async function outcomeSettings(db: Queryable): Promise<OutcomeSettings> {
  const s = await getReportSettings(db);
  return { target: s.targetStage, windowDays: s.outcomeWindowDays, targetRate: s.targetRate };
}
