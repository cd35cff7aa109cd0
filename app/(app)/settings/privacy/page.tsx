import { RetentionPanel } from "@/components/settings/retention-panel";
import { requireSection, sectionMetadata } from "../section";

export const generateMetadata = sectionMetadata("privacy");

export default async function PrivacySettingsPage() {
  await requireSection("privacy");
  return <RetentionPanel />;
}
