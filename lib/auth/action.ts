/**
 * Server actions go through `authedAction`: the session and permission are checked on the
 * server, the input parsed with zod, and expected failures come back as values.
 */
import { z } from "zod";
import { AppError, fieldErrors, type FieldErrors } from "@/lib/errors";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";
import { getActor } from "./session";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fields?: FieldErrors };

export function authedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  run: (input: z.infer<S>, actor: Actor) => Promise<T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const actor = await getActor();
    if (!actor) return { ok: false, code: "unauthorized", error: "Your session has ended; sign in again." };
    if (!can(actor.role, permission)) {
      return { ok: false, code: "forbidden", error: "Your role does not allow this action." };
    }
    const raw = input instanceof FormData ? Object.fromEntries(input) : input;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, code: "validation_failed", error: "Some fields need attention.", fields: fieldErrors(parsed.error) };
    }
    try {
      return { ok: true, data: await run(parsed.data, actor) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, code: error.code, error: error.message, fields: error.fields };
      throw error;
    }
  };
}
