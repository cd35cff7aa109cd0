"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { TeamsOverview } from "@/lib/client/queries/settings";
import { useTeamsSettings } from "./teams-context";

/** What routing cannot place today: the unassigned queue and the countries no team covers. */
export function RoutingSummary({ overview }: { overview: TeamsOverview }) {
  const t = useTranslations("teams.summary");
  const { countryName } = useTeamsSettings();
  const queued = overview.unassignedMqls;
  const uncovered = overview.uncoveredCountries;
  return (
    <div className="grid gap-3 md:grid-cols-2" data-testid="routing-summary">
      <div
        className={cn(
          "rounded-lg p-3 ring-1 ring-inset",
          queued > 0 ? "bg-amber-50 ring-amber-200" : "bg-slate-50 ring-slate-200",
        )}
      >
        <p
          className={cn("text-sm font-medium", queued > 0 ? "text-amber-900" : "text-slate-700")}
          data-testid="unassigned-mqls"
        >
          {t("unassigned", { count: queued })}
        </p>
        {queued > 0 && (
          <Link
            href="/leads?stage=mql&owner=unassigned"
            className="mt-1 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            {t("openQueue")}
          </Link>
        )}
      </div>
      <div
        className={cn(
          "rounded-lg p-3 ring-1 ring-inset",
          uncovered.length > 0 ? "bg-amber-50 ring-amber-200" : "bg-slate-50 ring-slate-200",
        )}
        data-testid="uncovered-countries"
      >
        {uncovered.length === 0 ? (
          <p className="text-sm text-slate-700">{t("allCovered")}</p>
        ) : (
          <>
            <p className="text-sm font-medium text-amber-900">{t("uncovered")}</p>
            <p className="mt-1 text-sm text-amber-900">
              {uncovered.map((u, i) => (
                <span key={u.country}>
                  {i > 0 && ", "}
                  {t("uncoveredCountry", { country: countryName(u.country), count: u.leads })}
                </span>
              ))}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
