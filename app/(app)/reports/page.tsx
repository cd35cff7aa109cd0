import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ReportsView } from "@/components/reports/reports-view";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { appNow } from "@/lib/infra/clock";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { reportFilterOptions } from "@/lib/domain/reports/filter-options";
import { getReportSettings } from "@/lib/domain/reports/settings";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { reportsInitialState } from "./initial-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("reports") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Managers' and admins' dashboards; marketers read them (and may turn suggestions into a draft). */
export default async function ReportsPage({ searchParams }: Props) {
  const actor = await requirePagePermission("reports:read");
  const t = await getTranslations("reports");
  const db = await getDb();
  const appLocale = await getLocale();
  const now = appNow();
  const [options, settings] = await Promise.all([reportFilterOptions(db), getReportSettings(db)]);
  const initial = await reportsInitialState(db, {
    searchParams: await searchParams,
    settings,
    locale: isLocale(appLocale) ? appLocale : DEFAULT_LOCALE,
    now,
  });
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrationBoundary state={initial}>
        <Suspense>
          <ReportsView
            teams={options.teams}
            reps={options.reps}
            settings={settings}
            today={now.toISOString().slice(0, 10)}
            permissions={{
              canWrite: can(actor.role, "reports:write"),
              canDraft: can(actor.role, "recalibration:draft"),
            }}
          />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}
