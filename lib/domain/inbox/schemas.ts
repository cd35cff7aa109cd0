import { z } from "zod";

export const inboxQuerySchema = z.object({
  /** A rep's id, or "unassigned" (managers and admins; ignored for reps). */
  repId: z
    .union([z.literal("unassigned"), z.uuid("repId is a user id or “unassigned”.")])
    .optional(),
  /** "true": only leads whose current SLA clock is breached (the manager's breach list). */
  breached: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(2000).optional(),
});
