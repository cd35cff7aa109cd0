import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/import/import-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { IMPORT_KINDS } from "@/lib/shared/imports";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("import") };
}

/** CSV import: admins and marketers every kind; managers outcomes only. */
export default async function ImportPage() {
  const actor = await requirePagePermission("imports:write");
  const t = await getTranslations("import");
  const kinds = can(actor.role, "imports:leads")
    ? IMPORT_KINDS
    : IMPORT_KINDS.filter((k) => k === "outcomes");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <ImportWizard kinds={kinds} />
    </>
  );
}
