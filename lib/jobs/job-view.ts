/** A job as people and API clients see it, and who may see or cancel it. */
import type { Job } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import type { AnyJobDefinition } from "./definition";
import { JOBS } from "./registry";

export function jobView(job: Job) {
  return {
    id: job.id,
    name: job.name,
    state: job.state,
    progress: { done: job.progressDone, total: job.progressTotal, phase: job.phase },
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    error: job.error,
    result: job.result,
    requestedBy: job.requestedBy,
    createdAt: job.createdAt,
    runAt: job.runAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export const definitionOf = (name: string): AnyJobDefinition | undefined =>
  JOBS.find((d) => d.name === name);

function allowed(
  principal: Principal,
  rule: { permission: Parameters<typeof can>[1]; scope?: string } | undefined,
) {
  if (!rule) return false;
  if (principal.kind === "user") return can(principal.user.role, rule.permission);
  return rule.scope !== undefined && (principal.key.scopes as string[]).includes(rule.scope);
}

export const mayRead = (principal: Principal, job: Job) =>
  allowed(principal, definitionOf(job.name)?.readers);
export const mayCancel = (principal: Principal, job: Job) =>
  allowed(principal, definitionOf(job.name)?.cancellers);
