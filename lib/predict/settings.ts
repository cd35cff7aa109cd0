/** Which outcome the predictive score and the threshold assistant learn, from the report settings. */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/db/schema/outcomes";

export type OutcomeSettings = { target: OutcomeTarget; windowDays: number; targetRate: number };

/** The report_settings row, or the defaults (opportunity within 90 days, 30 %) when none is saved. */
export async function outcomeSettings(db: Queryable): Promise<OutcomeSettings> {
  const [row] = await queryRows<{ target_stage: OutcomeTarget; outcome_window_days: number; target_rate: number }>(
    db,
    sql`select target_stage, outcome_window_days, target_rate from report_settings where id = 1`,
  );
  return row
    ? { target: row.target_stage, windowDays: Number(row.outcome_window_days), targetRate: Number(row.target_rate) }
    : { target: "opportunity", windowDays: 90, targetRate: 0.3 };
}
