import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { repLoads } from "@/lib/domain/routing/queues";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** The reps a manager can filter by and reassign to (their team; every team for admins), with their load. */
export const GET = withApi({ permission: "leads:assign" }, async ({ principal }) => {
  const actor = sessionUser(principal);
  if (actor.role !== "admin" && !actor.teamId) return Response.json({ data: [] });
  return Response.json({
    data: await repLoads(await getDb(), actor.role === "admin" ? null : actor.teamId, appNow()),
  });
});
