import { ReasonsPanel } from "@/components/settings/reasons-panel";
import { getDb } from "@/db/client";
import { listReasons } from "@/lib/domain/reasons/list-reasons";
import { requireSection, sectionMetadata } from "../section";

export const generateMetadata = sectionMetadata("reasons");

export default async function ReasonsSettingsPage() {
  await requireSection("reasons");
  const reasons = await listReasons(await getDb(), { includeArchived: true });
  return <ReasonsPanel initial={reasons} editable />;
}
