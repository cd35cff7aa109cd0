import { z } from "zod";
import { REASON_KINDS } from "@/lib/shared/vocabulary";
import { int4 } from "@/lib/shared/bounds";

const label = z
  .string()
  .trim()
  .min(1, "Give the reason a label.")
  .max(120, "Keep labels under 120 characters.");

export const reasonCreateSchema = z.object({
  kind: z.enum(REASON_KINDS),
  code: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9_]{1,47}$/,
      "Use 2–48 lower-case letters, digits or underscores, starting with a letter.",
    ),
  labels: z.object({ en: label, fr: label }),
  /** Where it goes in the list; at the end when omitted. */
  position: int4(0, "position is a whole number from 0.").optional(),
});
export type ReasonCreate = z.infer<typeof reasonCreateSchema>;

export const reasonUpdateSchema = z
  .object({
    labels: z.object({ en: label, fr: label }).partial().optional(),
    position: int4(0, "position is a whole number from 0.").optional(),
    archived: z.boolean().optional(),
  })
  .refine(
    (v) => v.labels !== undefined || v.position !== undefined || v.archived !== undefined,
    "Change at least one of labels, position or archived.",
  );
export type ReasonUpdate = z.infer<typeof reasonUpdateSchema>;

export const reasonsQuerySchema = z.object({
  kind: z.enum(REASON_KINDS).optional(),
  /** Admins and managers may include archived reasons ("true"). */
  includeArchived: z.enum(["true", "false"]).optional(),
});
