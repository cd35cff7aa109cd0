/** Shapes every contract shares: the error body, per-item batch errors, path parameters. */
import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "@/lib/shared/errors";

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe("Field path → messages; JSON paths ($.rules.0.points) for models."),
    }),
  })
  .meta({
    id: "Error",
    description: "Every error: a stable code, a message, and field errors when input was refused.",
  });

/** One refused item of a batch, by its index; the other items were processed. */
export const itemErrorSchema = z.object({
  index: z.number().int(),
  code: z.enum(["invalid", "unknown_lead"]),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});

/** A lead's id in the path: anything else is "not found". */
export const leadIdParams = z.object({ id: z.guid().describe("The lead's id.") });

/** `{ data: … }`, the envelope of every successful JSON answer. */
export const data = <T extends z.ZodType>(schema: T) => z.object({ data: schema });
