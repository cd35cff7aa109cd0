import type { Queryable } from "@/db/client";
import type { Actor } from "@/lib/auth/principal";
import { appNow } from "@/lib/infra/clock";
import { listInbox } from "./list-inbox";

/**
 * The inbox as the page first renders it. `fetchedAt` is the real time of the read: the browser
 * compares it with `now` (the app's clock, which tests may move) to run its countdowns on app time.
 */
export async function inboxSnapshot(db: Queryable, actor: Pick<Actor, "id" | "role" | "teamId">) {
  const { rows, now } = await listInbox(db, actor, { now: appNow() });
  return { rows, now, fetchedAt: Date.now() };
}
