"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { teamQueries, type TeamsOverview } from "@/lib/client/queries/settings";
import { MemberList } from "./member-list";
import { RoutingSummary } from "./routing-summary";
import { TeamForm } from "./team-form";
import { TeamSection } from "./team-section";
import { TeamsSettingsProvider, type TeamsSettings } from "./teams-context";
import { useCreateTeam } from "./use-teams";

/**
 * "Teams and routing" in Settings. Admins edit everything in place; managers see the same page
 * read-only (and never call the admin-only API: the server rendered what they see).
 */
export function TeamsPanel({
  initial,
  editable,
  countries,
  now,
}: {
  initial: TeamsOverview;
  editable: boolean;
  countries: { code: string; name: string }[];
  now: string;
}) {
  const t = useTranslations("teams");
  const overview = useQuery({
    ...teamQueries.overview(),
    initialData: initial,
    enabled: editable,
  }).data;
  const [creating, setCreating] = useState(false);
  const create = useCreateTeam();
  const settings = useMemo<TeamsSettings>(() => {
    const names = new Map(countries.map((c) => [c.code, c.name]));
    return {
      editable,
      now,
      sortedCountries: countries,
      countryName: (code) => names.get(code) ?? code,
      teams: overview.teams.map((team) => ({ id: team.id, name: team.name })),
    };
  }, [editable, now, countries, overview.teams]);

  return (
    <TeamsSettingsProvider value={settings}>
      <Card aria-labelledby="teams-heading" data-testid="teams-panel">
        <CardHeader
          id="teams-heading"
          title={t("title")}
          action={
            editable ? (
              !creating && (
                <Button
                  variant="secondary"
                  className="min-h-9 px-3 py-1.5"
                  onClick={() => setCreating(true)}
                >
                  {t("newTeam")}
                </Button>
              )
            ) : (
              <Badge tone="slate">{t("readOnly")}</Badge>
            )
          }
        />
        <div className="space-y-4 px-4 py-4 sm:px-5">
          <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
          {!editable && <p className="text-sm text-slate-600">{t("readOnlyHint")}</p>}
          <RoutingSummary overview={overview} />
          {creating && (
            <div className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200 ring-inset">
              <h3 className="mb-3 text-sm font-semibold text-slate-900">{t("newTeam")}</h3>
              <TeamForm
                initial={{ name: "", timeZone: "UTC" }}
                submitLabel={t("form.create")}
                pending={create.isPending}
                error={create.error}
                onCancel={() => {
                  create.reset();
                  setCreating(false);
                }}
                onSave={(input) => create.mutate(input, { onSuccess: () => setCreating(false) })}
              />
            </div>
          )}
        </div>
        {overview.teams.length === 0 ? (
          <div className="border-t border-slate-200">
            <EmptyState
              title={t("empty.title")}
              body={editable ? t("empty.body") : t("empty.bodyReadOnly")}
            />
          </div>
        ) : (
          overview.teams.map((team) => (
            <TeamSection key={team.id} team={team} allTeams={overview.teams} />
          ))
        )}
        {overview.unteamed.length > 0 && (
          <section
            aria-labelledby="unteamed-heading"
            className="border-t border-slate-200"
            data-testid="unteamed"
          >
            <div className="px-4 py-4 sm:px-5">
              <h3 id="unteamed-heading" className="text-base font-semibold text-slate-900">
                {t("unteamed.title")}
              </h3>
              <p className="mt-0.5 text-sm text-slate-600">{t("unteamed.hint")}</p>
            </div>
            <MemberList members={overview.unteamed} label={t("unteamed.title")} empty="" />
          </section>
        )}
      </Card>
    </TeamsSettingsProvider>
  );
}
