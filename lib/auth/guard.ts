import type { z } from "zod";
import type { Actor } from "./principal";
import { can, type Permission } from "./permissions";
import { AppError, validationError } from "@/lib/shared/errors";

/** Callers check permissions first; the use cases check again, so a forgotten guard still refuses. */
export function assertCan(actor: Pick<Actor, "role">, permission: Permission): void {
  if (!can(actor.role, permission))
    throw new AppError("forbidden", "Your role does not allow this action.");
}

/** Validates a use case's input (already parsed at the route, but callers may be scripts or tests). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "Some fields need attention.");
  return parsed.data;
}
