import { z } from "zod";

const uuid = z.guid();

/** True for a well-formed UUID; route handlers answer anything else like an unknown id (404). */
export function isUuid(value: string): boolean {
  return uuid.safeParse(value).success;
}
