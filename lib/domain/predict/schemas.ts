/** What the recalibration and predictive routes accept, validated at the edge. */
import { z } from "zod";
import { OUTCOME_TARGETS } from "@/lib/shared/vocabulary";

const number = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, `${name} must be a number.`)
    .transform(Number);

/** The model a backtest judges: past handoffs are scored under it, as of each handoff. */
export const judgedModelSchema = z
  .enum(["live", "draft"], { message: 'model is "live" or "draft".' })
  .optional()
  .describe(
    "The model judged: past handoffs are scored under it as of each handoff. live (default for the assistant) or draft (the saved draft; the live model while there is none).",
  );

export const thresholdQuerySchema = z
  .object({
    target: z
      .enum(OUTCOME_TARGETS, { message: `target must be one of ${OUTCOME_TARGETS.join(", ")}.` })
      .optional(),
    rate: number("rate")
      .refine((r) => r > 0 && r <= 1, "rate is a share between 0 and 1 (0.3 = 30 %).")
      .optional()
      .describe("Target conversion rate as a share; default: the report settings' target rate."),
    capacity: number("capacity")
      .refine((c) => c >= 0 && c <= 1_000_000, "capacity is between 0 and 1,000,000 MQLs per week.")
      .optional()
      .describe("MQLs the reps can take per week; default: the sum of active reps' capacities."),
    weeks: number("weeks")
      .refine(
        (w) => Number.isInteger(w) && w >= 1 && w <= 104,
        "weeks is a whole number from 1 to 104.",
      )
      .optional()
      .describe("Backtest window in weeks; default 26."),
    model: judgedModelSchema,
  })
  .strict();

const ruleId = z
  .string()
  .min(1, "Every rule needs an id.")
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Rule ids use letters, digits, _ and -.");
const points = z
  .number({ message: "Points must be a number." })
  .finite("Points must be a number.")
  .min(-10_000)
  .max(10_000);

const newRuleBase = {
  id: ruleId,
  kind: z.literal("attribute"),
  label: z.string().trim().min(1, "Give the rule a label.").max(200),
  field: z.string().min(1).max(80),
  points,
};
const finite = z.number({ message: "Enter a number." }).finite("Enter a number.");

/** A suggested attribute rule as a person writes it: one value, a list of values, a range or a floor. */
export const newRuleSchema = z.discriminatedUnion("op", [
  z
    .object({
      ...newRuleBase,
      op: z.literal("eq"),
      value: z.string().min(1, "Enter a value.").max(500),
    })
    .strict(),
  z
    .object({
      ...newRuleBase,
      op: z.literal("in"),
      value: z
        .array(z.string().min(1, "Enter a value.").max(500))
        .min(1, "List at least one value.")
        .max(500),
    })
    .strict(),
  z
    .object({ ...newRuleBase, op: z.literal("between"), value: z.tuple([finite, finite]) })
    .strict()
    .refine((r) => r.value[0] <= r.value[1], {
      message: "The range's minimum is above its maximum.",
      path: ["value"],
    }),
  z.object({ ...newRuleBase, op: z.literal("gte"), value: finite }).strict(),
]);

export const draftChangesSchema = z
  .object({
    mqlThreshold: z
      .number({ message: "mqlThreshold must be a number." })
      .finite()
      .min(-10_000)
      .max(100_000)
      .optional(),
    rules: z.array(z.object({ ruleId, points }).strict()).max(500).optional(),
    newRules: z.array(newRuleSchema).max(100).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()
  .refine(
    (c) => c.mqlThreshold !== undefined || c.rules?.length || c.newRules?.length,
    "Send at least one change: mqlThreshold, rules or newRules.",
  );

export type DraftChanges = z.infer<typeof draftChangesSchema>;

/** Flagged attributes a manager includes knowingly (field names as rules address them). */
export const includedAttributesSchema = z
  .object({
    includedAttributes: z
      .array(
        z
          .string()
          .min(1)
          .max(80)
          .regex(
            /^([A-Za-z]+|traits\.[A-Za-z0-9_.-]{1,63})$/,
            "A field name like industry or traits.lead_quality.",
          ),
      )
      .max(200),
  })
  .strict();
