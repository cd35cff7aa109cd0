import { JobsPanel } from "@/components/settings/jobs-panel";
import { requireSection, sectionMetadata } from "../section";

export const generateMetadata = sectionMetadata("jobs");

export default async function JobsSettingsPage() {
  await requireSection("jobs");
  return <JobsPanel />;
}
