import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { settingsSectionsFor } from "@/lib/auth/settings-sections";
import { requirePagePermission } from "@/lib/auth/session";

/** Settings: a side navigation of the sections the role may see (a menu on phones), then one section. */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const actor = await requirePagePermission("settings:read");
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="gap-8 lg:grid lg:grid-cols-[12rem_minmax(0,1fr)]">
        <SettingsNav sections={settingsSectionsFor(actor.role)} />
        <div className="min-w-0 space-y-6">{children}</div>
      </div>
    </>
  );
}
