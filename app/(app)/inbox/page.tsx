import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InboxView } from "@/components/inbox/inbox-view";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { inboxSnapshot } from "@/lib/domain/inbox/snapshot";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("inbox") };
}

/** A rep's open MQLs and SALs, most urgent first; a manager's team queue with breaches and reassignment. */
export default async function InboxPage() {
  const actor = await requirePagePermission("inbox:read");
  return (
    <InboxView
      initial={await inboxSnapshot(await getDb(), actor)}
      managing={can(actor.role, "leads:assign")}
    />
  );
}
