import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requirePagePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("reports") };
}

export default async function Page() {
  await requirePagePermission("reports:read");
  return <SectionPlaceholder section="reports" />;
}
