/**
 * Who may manage webhooks: admins (people) and API keys with `webhooks:write`. The routes check it
 * from their contract; the use cases check again, so a forgotten guard still refuses.
 */
import { can } from "@/lib/auth/permissions";
import { principalLabel, type Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/shared/errors";

export function assertManagesWebhooks(principal: Principal): void {
  const allowed =
    principal.kind === "user"
      ? can(principal.user.role, "webhooks:manage")
      : principal.key.scopes.includes("webhooks:write");
  if (!allowed)
    throw new AppError(
      "forbidden",
      "Managing webhooks needs an admin or the webhooks:write scope.",
    );
}

/** How the principal is written in the audit log. */
export function auditActor(principal: Principal) {
  const { actorType, actorId } = principalLabel(principal);
  return { actorType, actorId };
}
