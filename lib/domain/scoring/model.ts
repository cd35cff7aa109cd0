/**
 * The scoring model document: the public contract shared by the API, import/export and the
 * version history. Rules are data: a field or event name, an operator, a value, points.
 */
import { z } from "zod";

export const LEAD_FIELDS = [
  "email",
  "firstName",
  "lastName",
  "jobTitle",
  "seniority",
  "company",
  "industry",
  "companySize",
  "country",
  "phone",
  "source",
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];
/** Fields holding numbers; every other field holds text. */
export const NUMERIC_FIELDS: readonly string[] = ["companySize"];

export const OPERATORS = [
  "eq",
  "neq",
  "in",
  "contains",
  "startsWith",
  "gte",
  "lte",
  "between",
  "known",
  "unknown",
] as const;
export type Operator = (typeof OPERATORS)[number];

const scalar = z.union([z.string().min(1, "Enter a value."), z.number()]);

/** An operator with the value it needs; checked per operator so errors say what is missing. */
const conditionShape = {
  op: z.enum(OPERATORS, { message: `Operator must be one of ${OPERATORS.join(", ")}.` }),
  value: z.unknown().optional(),
};

function checkValue(c: { op: Operator; value?: unknown }, ctx: z.RefinementCtx) {
  const issue = (message: string) => ctx.addIssue({ code: "custom", path: ["value"], message });
  switch (c.op) {
    case "known":
    case "unknown":
      if (c.value !== undefined) issue(`"${c.op}" takes no value.`);
      return;
    case "in": {
      const r = z.array(scalar).min(1, "List at least one value.").max(500).safeParse(c.value);
      if (!r.success)
        issue(
          r.error.issues[0].message === "Invalid input: expected array, received undefined"
            ? "List at least one value."
            : r.error.issues[0].message,
        );
      return;
    }
    case "between": {
      const r = z.tuple([z.number(), z.number()]).safeParse(c.value);
      if (!r.success) issue("Give a range as [min, max] numbers.");
      else if (r.data[0] > r.data[1]) issue("The range's minimum is above its maximum.");
      return;
    }
    case "gte":
    case "lte":
      if (typeof c.value !== "number" || !Number.isFinite(c.value)) issue("Enter a number.");
      return;
    case "contains":
    case "startsWith":
      if (typeof c.value !== "string" || c.value.length === 0) issue("Enter some text.");
      return;
    default:
      if (!scalar.safeParse(c.value).success) issue("Enter a value.");
  }
}

/**
 * The size of a whole model, bounded so that scoring or previewing it stays one statement of
 * reasonable size (PostgreSQL takes at most 65,535 parameters, and a preview compiles two models):
 * at most 500 rules, 20 conditions per event rule and 500 values per list (checked where they are
 * declared), and in all at most MAX_MODEL_CONDITIONS conditions and MAX_MODEL_LIST_VALUES values.
 */
export const MAX_MODEL_CONDITIONS = 2_000;
export const MAX_MODEL_LIST_VALUES = 20_000;

function checkSize(model: unknown, ctx: z.RefinementCtx) {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const valuesOf = (c: unknown) => list((c as { value?: unknown } | null)?.value).length;
  const m = (model ?? {}) as { rules?: unknown; fitGate?: { exclude?: unknown } };
  let conditions = 0;
  let values = 0;
  for (const rule of list(m.rules)) {
    const where = list((rule as { where?: unknown } | null)?.where);
    conditions += 1 + where.length;
    values += valuesOf(rule) + where.reduce<number>((n, c) => n + valuesOf(c), 0);
  }
  for (const c of list(m.fitGate?.exclude)) {
    conditions += 1;
    values += valuesOf(c);
  }
  if (conditions > MAX_MODEL_CONDITIONS)
    ctx.addIssue({
      code: "custom",
      path: ["rules"],
      message: `The model is too large: ${conditions.toLocaleString("en")} conditions (rules, their where clauses and the fit gate), at most ${MAX_MODEL_CONDITIONS.toLocaleString("en")}.`,
    });
  if (values > MAX_MODEL_LIST_VALUES)
    ctx.addIssue({
      code: "custom",
      path: ["rules"],
      message: `The model is too large: ${values.toLocaleString("en")} listed values, at most ${MAX_MODEL_LIST_VALUES.toLocaleString("en")}.`,
    });
}

const fieldName = z
  .string()
  .refine(
    (f) =>
      (LEAD_FIELDS as readonly string[]).includes(f) ||
      /^traits\.[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}$/.test(f),
    { message: `Field must be a lead field (${LEAD_FIELDS.join(", ")}) or traits.<key>.` },
  );

export const propertyConditionSchema = z
  .object({
    property: z
      .string()
      .min(1, "Name the property.")
      .max(200)
      .regex(/^[^.]+(\.[^.]+)*$/, "Property paths are dot-separated keys."),
    ...conditionShape,
  })
  .strict()
  .superRefine(checkValue);

const ruleBase = {
  id: z
    .string()
    .min(1, "Every rule needs an id.")
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Rule ids use letters, digits, _ and -."),
  label: z.string().trim().min(1, "Give the rule a label.").max(200),
  points: z.number().finite("Points must be a number.").min(-10_000).max(10_000),
  /** Disabled rules stay in the model but score nothing. */
  enabled: z.boolean().optional(),
};

export const attributeRuleSchema = z
  .object({ ...ruleBase, kind: z.literal("attribute"), field: fieldName, ...conditionShape })
  .strict()
  .superRefine(checkValue);

export const eventRuleSchema = z
  .object({
    ...ruleBase,
    kind: z.literal("event"),
    event: z.string().min(1, "Choose an event.").max(200),
    where: z.array(propertyConditionSchema).max(20).optional(),
    maxCount: z
      .number()
      .int("At most a whole number of times.")
      .min(1)
      .max(10_000)
      .nullable()
      .optional(),
    withinDays: z.number().int("Days are whole numbers.").min(1).max(3650).nullable().optional(),
    halfLifeDays: z
      .number()
      .positive("A half-life is more than 0 days.")
      .max(3650)
      .nullable()
      .optional(),
  })
  .strict();

export const ruleSchema = z.discriminatedUnion("kind", [attributeRuleSchema, eventRuleSchema], {
  error: 'A rule\'s kind is "attribute" or "event".',
});

export const DEFAULT_GRADES = {
  /** Lowest fit score for A, B and C; below C is D. */
  fit: { A: 40, B: 25, C: 10 },
  /** Lowest engagement score for 1, 2 and 3; below 3 is 4. */
  engagement: { "1": 60, "2": 30, "3": 10 },
} as const;

/** A condition on a lead field, without points: used by the fit gate. */
export const fieldConditionSchema = z
  .object({ field: fieldName, ...conditionShape })
  .strict()
  .superRefine(checkValue);

export const DEFAULT_REQUIRED_FIELDS = ["email", "phone"];
export const DEFAULT_RECYCLE = { cooldownDays: 30, minNewEngagement: 10 };

const descending = (values: number[]) => values.every((v, i) => i === 0 || v < values[i - 1]);

export const scoringModelSchema = z
  .object({
    name: z.string().trim().min(1, "Name the model.").max(200),
    description: z.string().max(2000).optional(),
    mqlThreshold: z.number().finite(),
    bands: z
      .array(
        z
          .object({
            name: z.string().trim().min(1, "Name the band.").max(100),
            min: z.number().finite(),
          })
          .strict(),
      )
      .min(1, "Define at least one band.")
      .max(20)
      .refine(
        (b) => b.every((band, i) => i === 0 || band.min > b[i - 1].min),
        "Bands go from the lowest minimum to the highest, each higher than the last.",
      ),
    caps: z
      .object({
        fit: z.number().nullable(),
        engagement: z.number().nullable(),
        total: z.number().nullable(),
      })
      .strict()
      .default({ fit: null, engagement: null, total: null }),
    grades: z
      .object({
        fit: z.object({ A: z.number(), B: z.number(), C: z.number() }).strict(),
        engagement: z.object({ "1": z.number(), "2": z.number(), "3": z.number() }).strict(),
      })
      .strict()
      .refine((g) => descending([g.fit.A, g.fit.B, g.fit.C]), {
        message: "Fit grades need A > B > C.",
        path: ["fit"],
      })
      .refine((g) => descending([g.engagement["1"], g.engagement["2"], g.engagement["3"]]), {
        message: "Engagement grades need 1 > 2 > 3.",
        path: ["engagement"],
      })
      .default(DEFAULT_GRADES),
    rules: z.array(ruleSchema).max(500),
    /** A lead matching any exclusion never becomes an MQL, whatever its score. */
    fitGate: z
      .object({ exclude: z.array(fieldConditionSchema).max(50) })
      .strict()
      .default({ exclude: [] }),
    /** Fields sales needs to act; a lead missing one is not handed over (yet). */
    requiredFields: z.array(fieldName).max(20).default(DEFAULT_REQUIRED_FIELDS),
    /** When a rejected (recycled) lead may qualify again. */
    recycle: z
      .object({
        cooldownDays: z.number().int("Days are whole numbers.").min(0).max(3650),
        minNewEngagement: z.number().min(0, "New engagement is 0 or more."),
      })
      .strict()
      .default(DEFAULT_RECYCLE),
    /** The nurture track of each band, by band name: what a marketing-automation tool acts on. */
    nurtureTracks: z
      .record(z.string(), z.string().trim().min(1, "Name the track.").max(100))
      .default({}),
  })
  .strict()
  .superRefine(
    (model, ctx) => {
      // Runs even when other fields are invalid, so one answer lists every problem.
      const rules: unknown[] = Array.isArray((model as { rules?: unknown }).rules)
        ? (model as { rules: unknown[] }).rules
        : [];
      const seen = new Map<string, number>();
      const bands = Array.isArray((model as { bands?: unknown }).bands)
        ? (model as { bands: { name?: unknown }[] }).bands.map((b) => b?.name)
        : [];
      for (const key of Object.keys((model as { nurtureTracks?: object }).nurtureTracks ?? {})) {
        if (!bands.includes(key))
          ctx.addIssue({
            code: "custom",
            path: ["nurtureTracks", key],
            message: `There is no band named "${key}".`,
          });
      }
      checkSize(model, ctx);
      rules.forEach((rule, i) => {
        const id = (rule as { id?: unknown } | null)?.id;
        if (typeof id !== "string") return;
        if (seen.has(id))
          ctx.addIssue({
            code: "custom",
            path: ["rules", i, "id"],
            message: `Rule id "${id}" is already used by rule ${seen.get(id)! + 1}.`,
          });
        else seen.set(id, i);
      });
    },
    { when: () => true },
  );

export type ScoringModel = z.output<typeof scoringModelSchema>;
export type ScoringModelInput = z.input<typeof scoringModelSchema>;
export type Rule = z.output<typeof ruleSchema>;
export type AttributeRule = z.output<typeof attributeRuleSchema>;
export type EventRule = z.output<typeof eventRuleSchema>;
export type PropertyCondition = z.output<typeof propertyConditionSchema>;
export type FieldCondition = z.output<typeof fieldConditionSchema>;
export type Condition = { op: Operator; value?: unknown };

export function isActive(rule: Rule): boolean {
  return rule.enabled !== false;
}

/** Every invalid field of a model as { path, message } (the 422 answer of the draft API). */
export function modelIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({
    path: i.path.length ? `$.${i.path.join(".")}` : "$",
    message: i.message,
  }));
}
