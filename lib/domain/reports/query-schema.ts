/** The query strings of the report routes, validated with zod and turned into a ReportQuery. */
import { z } from "zod";
import { OUTCOME_TARGETS } from "@/lib/shared/vocabulary";
import { LOCALES } from "@/lib/i18n/locales";
import { SPLITS, type ReportQuery } from "./types";
import { calendarDay } from "@/lib/shared/bounds";

/** A calendar day, YYYY-MM-DD, that exists (no 31 February). */
export const day = calendarDay();

const baseShape = {
  /** First day included (UTC). */
  from: day.optional(),
  /** Last day included (UTC). */
  to: day.optional(),
  team: z.uuid("team is a team id (UUID).").optional(),
  rep: z.uuid("rep is a user id (UUID).").optional(),
  source: z.string().trim().min(1).max(200).optional(),
  format: z.enum(["json", "csv"], { message: 'format is "json" or "csv".' }).default("json"),
};
const ordered = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const orderMessage = { message: "from is after to.", path: ["from"] };

export const reportQuerySchema = z.object(baseShape).refine(ordered, orderMessage);

const grain = z.enum(["week", "month"], { message: 'grain is "week" or "month".' }).default("week");
const target = z.enum(OUTCOME_TARGETS, {
  message: `target is one of ${OUTCOME_TARGETS.join(", ")}.`,
});

const split = z.enum(SPLITS, { message: `split is one of ${SPLITS.join(", ")}.` }).default("none");
const locale = z
  .enum(LOCALES, { message: `locale is one of ${LOCALES.join(", ")}.` })
  .default("en");
export const funnelQuerySchema = z
  .object({ ...baseShape, grain, split })
  .refine(ordered, orderMessage);
export const targetQuerySchema = z
  .object({ ...baseShape, target: target.optional() })
  .refine(ordered, orderMessage);
/** Calibration also names the model judged (live unless `model=draft`). */
export const calibrationQuerySchema = z
  .object({
    ...baseShape,
    target: target.optional(),
    model: z
      .enum(["live", "draft"], { message: 'model is "live" or "draft".' })
      .default("live")
      .describe(
        "The model judged: past handoffs are scored under it as of each handoff. live (default) or draft (the saved draft; the live model while there is none).",
      ),
  })
  .refine(ordered, orderMessage);
export const reasonsQuerySchema = z
  .object({ ...baseShape, grain, locale })
  .refine(ordered, orderMessage);

export type ReportQueryInput = z.infer<typeof reportQuerySchema>;

export function toReportQuery(q: ReportQueryInput): ReportQuery {
  return {
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : null,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) : null,
    teamId: q.team ?? null,
    repId: q.rep ?? null,
    source: q.source ?? null,
  };
}
