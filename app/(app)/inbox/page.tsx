import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InboxView } from "@/components/inbox/inbox-view";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { inboxSnapshot } from "@/lib/domain/inbox/snapshot";
import { listNotifications } from "@/lib/domain/notifications/notifications";
import { RECENT_NOTIFICATIONS } from "@/lib/shared/inbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("inbox") };
}

/** A rep's open MQLs and SALs, most urgent first; a manager's team queue with breaches and reassignment. */
export default async function InboxPage() {
  const actor = await requirePagePermission("inbox:read");
  const db = await getDb();
  const managing = can(actor.role, "leads:assign");
  // A manager's breach notices are drawn with the page, not pushed in above the queue later.
  const [initial, notifications] = await Promise.all([
    inboxSnapshot(db, actor),
    managing ? listNotifications(db, actor.id, { limit: RECENT_NOTIFICATIONS }) : null,
  ]);
  return <InboxView initial={initial} notifications={notifications} managing={managing} />;
}
