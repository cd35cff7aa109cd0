import { z } from "zod";

export const leadIdSchema = z.guid({ message: "A lead id is a UUID." });

/** True for a well-formed lead id; anything else is answered like an unknown lead (404). */
export function isLeadId(value: string): boolean {
  return leadIdSchema.safeParse(value).success;
}
