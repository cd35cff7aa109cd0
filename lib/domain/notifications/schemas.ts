import { z } from "zod";

export const markReadSchema = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }),
  z.object({ all: z.literal(true) }),
]);

export const notificationsQuerySchema = z.object({
  unread: z.enum(["true", "false"]).optional(),
  /** Notifications older than this id (pagination). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
