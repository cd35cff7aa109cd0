import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ReportsView } from "@/components/reports/reports-view";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { appNow } from "@/lib/infra/clock";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { reportFilterOptions } from "@/lib/domain/reports/filter-options";
import { getReportSettings } from "@/lib/domain/reports/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("reports") };
}

/** Managers' and admins' dashboards; marketers read them (and may turn suggestions into a draft). */
export default async function ReportsPage() {
  const actor = await requirePagePermission("reports:read");
  const t = await getTranslations("reports");
  const db = await getDb();
  const [options, settings] = await Promise.all([reportFilterOptions(db), getReportSettings(db)]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Suspense>
        <ReportsView
          teams={options.teams}
          reps={options.reps}
          settings={settings}
          today={appNow().toISOString().slice(0, 10)}
          permissions={{
            canWrite: can(actor.role, "reports:write"),
            canDraft: can(actor.role, "recalibration:draft"),
          }}
        />
      </Suspense>
    </>
  );
}
