import type { Actor, Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/shared/errors";

/** Team settings are for signed-in people; `withApi` without a scope already refuses API keys. */
export function sessionUser(principal: Principal): Actor {
  if (principal.kind !== "user")
    throw new AppError("forbidden", "This endpoint is for signed-in users, not API keys.");
  return principal.user;
}
