/** Which outcome the predictive score and the threshold assistant learn: the report settings, renamed. */
import type { Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/db/schema/outcomes";
import { getReportSettings } from "@/lib/reports/settings";

export type OutcomeSettings = { target: OutcomeTarget; windowDays: number; targetRate: number };

export async function outcomeSettings(db: Queryable): Promise<OutcomeSettings> {
  const s = await getReportSettings(db);
  return { target: s.targetStage, windowDays: s.outcomeWindowDays, targetRate: s.targetRate };
}
