/** Response shapes of the sales routes (inbox, touches, decisions, SLA): they document the API and are checked in tests. */
import { z } from "zod";
import {
  DECISION_KINDS,
  LIFECYCLE_STAGES,
  TOUCH_CHANNELS,
  TOUCH_OUTCOMES,
} from "@/lib/shared/vocabulary";

const at = z.string().datetime();

export const clockSchema = z.object({
  id: z.number().int(),
  userId: z.guid().nullable(),
  policy: z.string().describe("The SLA tier's name when the clock started."),
  startedAt: at,
  firstTouchDue: at,
  touchesDueBy: at.describe("When the minimum touches (touchesRequired) must have been logged."),
  firstTouchAt: at.nullable(),
  touchesDone: z.number().int(),
  touchesRequired: z.number().int(),
  breachedFirstTouchAt: at.nullable(),
  breachedTouchesAt: at.nullable(),
  closedAt: at.nullable(),
  closeReason: z.string().nullable().describe("accept, reject, disqualify, reassigned"),
});

export const touchSchema = z.object({
  id: z.number().int(),
  userId: z.guid().nullable(),
  at,
  channel: z.enum(TOUCH_CHANNELS),
  outcome: z.enum(TOUCH_OUTCOMES),
  note: z.string().nullable(),
});

export const decisionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(DECISION_KINDS),
  reasonCode: z.string().nullable(),
  note: z.string().nullable(),
  bant: z
    .object({ budget: z.string(), authority: z.string(), need: z.string(), timeframe: z.string() })
    .nullable(),
  score: z
    .object({ total: z.number(), fit: z.number().nullable(), engagement: z.number().nullable() })
    .nullable()
    .describe("The lead's score when decided."),
  modelVersion: z.number().int().nullable(),
  userId: z.guid().nullable(),
  at,
});

export const inboxRowSchema = z.object({
  id: z.guid(),
  name: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  stage: z.enum(LIFECYCLE_STAGES),
  owner: z.object({ id: z.guid(), name: z.string() }).nullable(),
  score: z
    .object({ total: z.number(), grade: z.string(), modelVersion: z.number().int() })
    .nullable(),
  reasons: z
    .array(z.object({ label: z.string(), points: z.number() }))
    .describe("The top three lines of the score receipt."),
  handedOverAt: at.nullable(),
  touchesDone: z.number().int(),
  breachedEarlier: z
    .boolean()
    .describe(
      "An earlier SLA clock of this handoff was breached (before a reassignment): the breach stays visible.",
    ),
  prediction: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe(
      "The predictive score: probability of reaching the report target, null before a model is trained.",
    ),
  sla: z
    .object({
      policy: z.string(),
      startedAt: at,
      firstTouchDue: at,
      firstTouchAt: at.nullable(),
      touchesDueBy: at,
      nextDue: at
        .nullable()
        .describe(
          "The pending deadline the inbox sorts by: first touch, then minimum touches; null when both are met.",
        ),
      touchesDone: z.number().int(),
      touchesRequired: z.number().int(),
      breached: z.object({ firstTouch: z.boolean(), touches: z.boolean() }),
      overdue: z.boolean(),
      schedule: z
        .object({
          timeZone: z.string(),
          days: z.array(z.number().int().min(1).max(7)),
          start: z.string(),
          end: z.string(),
          holidays: z.array(z.string()).optional(),
        })
        .describe(
          "The business hours the deadlines count in: the rep's time zone, ISO weekdays worked (1 = Monday), local start and end (HH:MM), the team's holidays (YYYY-MM-DD) from yesterday on.",
        ),
    })
    .nullable()
    .describe("The running clock; null for SALs and unassigned MQLs."),
});

export const inboxResponseSchema = z.object({
  data: z.array(inboxRowSchema),
  now: at.describe("The server's clock, for countdowns."),
});
export const touchResponseSchema = z.object({
  data: z.object({ touch: touchSchema, sla: clockSchema.nullable() }),
});
export const decisionResponseSchema = z.object({
  data: z.object({ decision: decisionSchema, stage: z.enum(LIFECYCLE_STAGES) }),
});
export const leadSalesSchema = z.object({
  decisions: z.array(decisionSchema),
  touches: z.array(touchSchema),
  sla: z.object({ current: clockSchema.nullable(), history: z.array(clockSchema) }),
});
