import { getDb } from "@/db/client";
import { withApi } from "@/lib/auth/api";
import { appNow } from "@/lib/clock";
import { listPolicies } from "@/lib/sla/policies";
import { savePolicies } from "@/lib/sla/save-policies";
import { policiesInputSchema } from "@/lib/sla/schemas";
import { sessionUser } from "@/lib/teams/session-user";

/** The SLA tiers, in order (the first a lead meets applies). */
export const GET = withApi({ permission: "sla:read" }, async ({ principal }) => {
  sessionUser(principal);
  return Response.json({ data: await listPolicies(await getDb()) });
});

/** Replaces the tiers (admins and managers); running clocks keep their terms. */
export const PUT = withApi({ permission: "settings:sales", body: policiesInputSchema }, async ({ principal, body }) => {
  return Response.json({ data: await savePolicies({ db: await getDb(), actor: sessionUser(principal), input: body, now: appNow() }) });
});
