import type { Queryable } from "@/db/client";
import type { Actor } from "@/lib/auth/principal";
import { appNow } from "@/lib/infra/clock";
import { INBOX_FIRST_ROWS, isPastSla } from "@/lib/shared/inbox";
import { listInbox } from "./list-inbox";

export type InboxCounts = { open: number; accepted: number; past: number };

/**
 * The inbox as the page first renders it: its first screen of rows, with the counts of the whole
 * list, so a queue of 500 MQLs is not sent, parsed and hydrated before the rep can press a key
 * (the browser reads the whole list right after). `fetchedAt` is the real time of the read: the
 * browser compares it with `now` (the app's clock, which tests may move) to run its countdowns on
 * app time.
 */
export async function inboxSnapshot(db: Queryable, actor: Pick<Actor, "id" | "role" | "teamId">) {
  const { rows, now } = await listInbox(db, actor, { now: appNow() });
  const counts: InboxCounts = {
    open: rows.filter((r) => r.stage === "mql").length,
    accepted: rows.filter((r) => r.stage === "sal").length,
    past: rows.filter(isPastSla).length,
  };
  return {
    rows: rows.slice(0, INBOX_FIRST_ROWS),
    now,
    fetchedAt: Date.now(),
    /** The whole list's counts when only its first rows are sent; null when all are. */
    partial: rows.length > INBOX_FIRST_ROWS ? counts : null,
  };
}
