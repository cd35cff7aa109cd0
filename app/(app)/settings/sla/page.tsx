import { SlaPoliciesPanel } from "@/components/settings/sla-policies-panel";
import { getDb } from "@/db/client";
import { listPolicies } from "@/lib/domain/sla/policies";
import { requireSection, sectionMetadata } from "../section";

export const generateMetadata = sectionMetadata("sla");

export default async function SlaSettingsPage() {
  await requireSection("sla");
  return <SlaPoliciesPanel initial={await listPolicies(await getDb())} editable />;
}
