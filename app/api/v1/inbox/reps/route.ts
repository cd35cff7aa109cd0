import { getDb } from "@/db/client";
import { withApi } from "@/lib/auth/api";
import { appNow } from "@/lib/clock";
import { repLoads } from "@/lib/routing/queues";
import { sessionUser } from "@/lib/teams/session-user";

/** The reps a manager can filter by and reassign to (their team; every team for admins), with their load. */
export const GET = withApi({ permission: "leads:assign" }, async ({ principal }) => {
  const actor = sessionUser(principal);
  if (actor.role !== "admin" && !actor.teamId) return Response.json({ data: [] });
  return Response.json({ data: await repLoads(await getDb(), actor.role === "admin" ? null : actor.teamId, appNow()) });
});
