/** The report settings (a single row): the funnel's target rate and stage, and the outcome window. */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Queryable } from "@/db/client";
import { OUTCOME_TARGETS, type OutcomeTarget } from "@/lib/shared/vocabulary";
import type { ReportSettingsView } from "./types";

export const DEFAULT_REPORT_SETTINGS: ReportSettingsView = {
  targetRate: 0.3,
  targetStage: "opportunity",
  outcomeWindowDays: 90,
};

export const reportSettingsSchema = z
  .object({
    targetRate: z
      .number({ message: "Enter the target rate as a share, e.g. 0.3." })
      .gt(0, "The target rate is above 0.")
      .max(1, "The target rate is at most 1 (100 %)."),
    targetStage: z.enum(OUTCOME_TARGETS, {
      message: `The target stage is one of ${OUTCOME_TARGETS.join(", ")}.`,
    }),
    outcomeWindowDays: z
      .number({ message: "Enter a number of days." })
      .int("Days are whole numbers.")
      .min(7, "The window is at least 7 days.")
      .max(730, "The window is at most 730 days."),
  })
  .strict();
export type ReportSettingsInput = z.infer<typeof reportSettingsSchema>;

type Row = { target_rate: number; target_stage: OutcomeTarget; outcome_window_days: number };
const view = (r: Row): ReportSettingsView => ({
  targetRate: Number(r.target_rate),
  targetStage: r.target_stage,
  outcomeWindowDays: Number(r.outcome_window_days),
});

export async function getReportSettings(db: Queryable): Promise<ReportSettingsView> {
  const [row] = await queryRows<Row>(
    db,
    sql`select target_rate, target_stage, outcome_window_days from report_settings where id = 1`,
  );
  return row ? view(row) : { ...DEFAULT_REPORT_SETTINGS };
}

export async function updateReportSettings(
  db: Queryable,
  input: ReportSettingsInput,
  by: { userId: string | null; now: Date },
): Promise<ReportSettingsView> {
  const s = reportSettingsSchema.parse(input);
  const [row] = await queryRows<Row>(
    db,
    sql`insert into report_settings (id, target_rate, target_stage, outcome_window_days, updated_by, updated_at)
        values (1, ${s.targetRate}::float8, ${s.targetStage}::text, ${s.outcomeWindowDays}::int, ${by.userId}::uuid, ${by.now.toISOString()}::timestamptz)
        on conflict (id) do update set target_rate = excluded.target_rate, target_stage = excluded.target_stage,
          outcome_window_days = excluded.outcome_window_days, updated_by = excluded.updated_by, updated_at = excluded.updated_at
        returning target_rate, target_stage, outcome_window_days`,
  );
  return view(row);
}
