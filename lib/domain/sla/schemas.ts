import { z } from "zod";
import { FIT_GRADES } from "@/lib/shared/vocabulary";
import { int4 } from "@/lib/shared/bounds";

export const policyInputSchema = z.object({
  id: int4(1, "A tier id is a whole number from 1 to 2147483647.").optional(),
  name: z.string().trim().min(1, "Name the tier.").max(80),
  minFitGrade: z.enum(FIT_GRADES).nullable().default(null),
  minScore: z.number().finite().nullable().default(null),
  firstTouchMinutes: z
    .number()
    .int()
    .min(1, "At least one minute.")
    .max(60 * 24 * 30),
  minTouches: z.number().int().min(0).max(50),
  touchWindowDays: z.number().int().min(1, "At least one business day.").max(60),
  reassignOnBreach: z.boolean().default(false),
});

/** The whole ordered list: the first tier a lead meets applies; the last should catch every lead. */
export const policiesInputSchema = z.object({
  policies: z.array(policyInputSchema).min(1, "Keep at least one tier.").max(20),
});
export type PoliciesInput = z.infer<typeof policiesInputSchema>;
