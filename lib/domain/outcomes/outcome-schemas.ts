import { z } from "zod";
import { HISTORY_STAGES, STAGES_WITH_REASON } from "@/lib/shared/imports";

export const MAX_OUTCOMES = 1000;

/**
 * Every step of a lead's history a CRM can report, each at its date (the same stages as a CSV
 * import); `customer` is the older name of `won`, still accepted.
 */
export const OUTCOME_STAGES = [...HISTORY_STAGES, "customer"] as const;
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];

const earliest = new Date("2000-01-01T00:00:00Z").getTime();

/** Exactly one way of naming the lead: Accord's id, its email, or the caller's external id. */
export const outcomeLeadSchema = z
  .object(
    {
      id: z.guid({ message: "lead.id must be a lead's UUID." }).optional(),
      email: z
        .string()
        .trim()
        .toLowerCase()
        .email("lead.email is not a valid email address.")
        .max(320)
        .optional(),
      externalId: z.string().trim().min(1, "lead.externalId is empty.").max(200).optional(),
    },
    { message: "Name the lead: { id }, { email } or { externalId }." },
  )
  .strict()
  .refine(
    (l) => [l.id, l.email, l.externalId].filter((v) => v !== undefined).length === 1,
    "Name the lead with exactly one of id, email or externalId.",
  );

export type OutcomeLeadRef = z.output<typeof outcomeLeadSchema>;

/** One outcome reported by a CRM. `at` may not be in the future (checked against the server clock). */
export const outcomeInputSchema = z
  .object({
    lead: outcomeLeadSchema,
    stage: z.enum(OUTCOME_STAGES, {
      message: `stage must be one of ${OUTCOME_STAGES.join(", ")}.`,
    }),
    at: z.iso
      .datetime({
        offset: true,
        message: "at must be an ISO 8601 date-time, e.g. 2026-11-23T09:30:00Z.",
      })
      .transform((s) => new Date(s))
      .refine((d) => d.getTime() >= earliest, "at is before the year 2000.")
      .optional(),
    reasonCode: z
      .string()
      .trim()
      .min(1, "reasonCode is empty.")
      .max(64, "reasonCode has at most 64 characters.")
      .optional()
      .describe(
        "Required for rejected (a reject reason code) and disqualified (a disqualify reason code); optional for lost.",
      ),
    note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional(),
  })
  .refine((o) => o.reasonCode || !(STAGES_WITH_REASON as readonly string[]).includes(o.stage), {
    message: "A rejected or disqualified outcome needs a reasonCode.",
    path: ["reasonCode"],
  });

export type OutcomeInput = z.output<typeof outcomeInputSchema>;

/** The body: items are validated one by one by `recordOutcomes`, so one bad item never fails the batch. */
export const outcomeBatchSchema = z.object({
  outcomes: z
    .array(z.unknown(), { message: 'Send { "outcomes": [ … ] }.' })
    .min(1, "Send at least one outcome."),
});

export const outcomesResponseSchema = z.object({
  data: z.object({
    recorded: z.number().int().describe("Outcomes written as lifecycle transitions now."),
    skipped: z
      .number()
      .int()
      .describe(
        "Outcomes already recorded for that lead, stage and date (or, without `at`, that lead and stage), or repeated in the batch.",
      ),
    errors: z
      .array(
        z.object({
          index: z.number().int(),
          message: z.string(),
          fields: z.record(z.string(), z.array(z.string())).optional(),
        }),
      )
      .describe("Refused outcomes, by their index in the batch; the others were stored."),
  }),
});
