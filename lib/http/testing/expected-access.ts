/**
 * Test support: who should get through, derived from what is declared — a contract's `access`
 * (lib/http/contract.ts), the permission table (lib/auth/permissions.ts), and the documented
 * object rules: a lead is visible to API keys, admins and marketers, to the manager of its
 * owner's team (and the unassigned queue), and to its owner (else 404, like an unknown id); a
 * team's holidays are its manager's (else 403); a job is readable by its definition's readers
 * (else 404). Written apart from the code that enforces them, so a check the code forgets shows.
 */
import type { Actor } from "@/lib/auth/principal";
import { can, type Permission } from "@/lib/auth/permissions";
import type { ApiScope } from "@/lib/auth/scopes";
import type { Access } from "../contract";

export type Caller =
  | { kind: "anonymous"; label: string }
  | { kind: "user"; label: string; actor: Actor }
  | { kind: "key"; label: string; scopes: readonly ApiScope[]; secret: string };

export type Expected = { allowed: true } | { allowed: false; status: 401 | 403 | 404; why: string };

const ALLOWED: Expected = { allowed: true };
const denied = (status: 401 | 403 | 404, why: string): Expected => ({
  allowed: false,
  status,
  why,
});

/** What `withApi` must answer from the contract's access alone. */
export function expectedByContract(access: Access, caller: Caller): Expected {
  if (access.public) return ALLOWED;
  if (caller.kind === "anonymous") return denied(401, "no key, no session");
  if (caller.kind === "key") {
    if (!access.scope) return denied(403, "for signed-in people only");
    if (access.scope === "any") return ALLOWED;
    return caller.scopes.includes(access.scope)
      ? ALLOWED
      : denied(403, `the key lacks ${access.scope}`);
  }
  if (!access.permission) return denied(403, "for API keys only");
  return can(caller.actor.role, access.permission)
    ? ALLOWED
    : denied(403, `a ${caller.actor.role} lacks ${access.permission}`);
}

/** The object a call is about, when who may reach it depends on the object. */
export type ObjectRule =
  | { lead: { owner: Pick<Actor, "id" | "teamId"> | null } }
  | { teamId: string }
  | { job: { permission: Permission; scope?: string } }
  /** A further permission the handler requires of people (e.g. importing leads, not outcomes). */
  | { personPermission: Permission };

export function leadVisible(caller: Caller, owner: Pick<Actor, "id" | "teamId"> | null): boolean {
  if (caller.kind === "key") return true;
  if (caller.kind === "anonymous") return false;
  const { actor } = caller;
  if (actor.role === "admin" || actor.role === "marketer") return true;
  if (actor.role === "manager") return owner === null || owner.teamId === actor.teamId;
  return owner !== null && owner.id === actor.id;
}

export function expectedByObject(caller: Caller, rule: ObjectRule | undefined): Expected {
  if (!rule || caller.kind === "anonymous") return ALLOWED;
  if ("lead" in rule)
    return leadVisible(caller, rule.lead.owner) ? ALLOWED : denied(404, "a lead outside its scope");
  if ("teamId" in rule) {
    if (caller.kind !== "user") return ALLOWED;
    const { actor } = caller;
    return actor.role === "admin" || actor.teamId === rule.teamId
      ? ALLOWED
      : denied(403, "another team's settings");
  }
  if ("job" in rule) {
    const ok =
      caller.kind === "user"
        ? can(caller.actor.role, rule.job.permission)
        : rule.job.scope !== undefined && (caller.scopes as string[]).includes(rule.job.scope);
    return ok ? ALLOWED : denied(404, "a job it may not read");
  }
  if (caller.kind !== "user") return ALLOWED;
  return can(caller.actor.role, rule.personPermission)
    ? ALLOWED
    : denied(403, `a ${caller.actor.role} lacks ${rule.personPermission}`);
}

/** The contract first (withApi answers before the handler runs), then the object. */
export function expectedOutcome(access: Access, caller: Caller, rule?: ObjectRule): Expected {
  const byContract = expectedByContract(access, caller);
  return byContract.allowed ? expectedByObject(caller, rule) : byContract;
}
