import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { listPolicies } from "@/lib/domain/sla/policies";
import { savePolicies } from "@/lib/domain/sla/save-policies";
import { policiesInputSchema } from "@/lib/domain/sla/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** The SLA tiers, in order (the first a lead meets applies). */
export const GET = withApi({ permission: "sla:read" }, async ({ principal }) => {
  sessionUser(principal);
  return Response.json({ data: await listPolicies(await getDb()) });
});

/** Replaces the tiers (admins and managers); running clocks keep their terms. */
export const PUT = withApi(
  { permission: "settings:sales", body: policiesInputSchema },
  async ({ principal, body }) => {
    return Response.json({
      data: await savePolicies({
        db: await getDb(),
        actor: sessionUser(principal),
        input: body,
        now: appNow(),
      }),
    });
  },
);
