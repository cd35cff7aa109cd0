import { z } from "zod";
import { TOUCH_CHANNELS, TOUCH_OUTCOMES } from "@/lib/shared/vocabulary";
import { isoDateTime } from "@/lib/shared/bounds";

const shortAnswer = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Say something about the ${what}.`)
    .max(500, "Keep it under 500 characters.");
const note = z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional();

export const touchInputSchema = z.object({
  channel: z.enum(TOUCH_CHANNELS),
  outcome: z.enum(TOUCH_OUTCOMES),
  note,
  /** When it happened, if earlier than now (a call logged afterwards). */
  at: isoDateTime().optional(),
});
export type TouchInput = z.infer<typeof touchInputSchema>;

export const bantSchema = z.object({
  budget: shortAnswer("budget"),
  authority: shortAnswer("authority"),
  need: shortAnswer("need"),
  timeframe: shortAnswer("timeframe"),
});

const reasonCode = z.string().trim().min(1, "Choose a reason.").max(64);

export const decisionInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("accept"), bant: bantSchema, note }),
  z.object({ kind: z.literal("qualify"), note }),
  z.object({ kind: z.literal("reject"), reasonCode, note }),
  z.object({ kind: z.literal("disqualify"), reasonCode, note }),
]);
export type DecisionInput = z.infer<typeof decisionInputSchema>;

export const assignInputSchema = z.object({ repId: z.uuid("Choose a rep.") });
export type AssignInput = z.infer<typeof assignInputSchema>;
