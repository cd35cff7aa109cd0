import { WebhooksPanel } from "@/components/settings/webhooks/webhooks-panel";
import { getDb } from "@/db/client";
import { listEndpoints } from "@/lib/domain/webhooks/list-endpoints";
import { requireSection, sectionMetadata } from "../section";

export const generateMetadata = sectionMetadata("webhooks");

export default async function WebhooksSettingsPage() {
  await requireSection("webhooks");
  return <WebhooksPanel initial={await listEndpoints(await getDb())} />;
}
