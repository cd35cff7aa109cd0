"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { zoneLabel } from "@/lib/domain/teams/time-zones";
import { MemberList } from "./member-list";
import type { TeamsOverview } from "@/lib/client/queries/settings";
import { TeamCountries } from "./team-countries";
import { TeamForm } from "./team-form";
import { useTeamsSettings } from "./teams-context";
import { useUpdateTeam } from "./use-teams";

type Team = TeamsOverview["teams"][number];

export function TeamSection({ team, allTeams }: { team: Team; allTeams: Team[] }) {
  const t = useTranslations("teams");
  const { editable } = useTeamsSettings();
  const [editing, setEditing] = useState(false);
  const update = useUpdateTeam(team.id);
  const open = team.members.reduce((sum, m) => sum + m.openMqls, 0);
  const capacity = team.members.filter((m) => m.active).reduce((sum, m) => sum + m.capacity, 0);
  const headingId = `team-${team.id}`;

  return (
    <section
      aria-labelledby={headingId}
      className="border-t border-slate-200"
      data-testid="team"
      data-team={team.name}
    >
      <div className="space-y-4 px-4 py-4 sm:px-5">
        {editing ? (
          <TeamForm
            initial={team}
            submitLabel={t("form.save")}
            pending={update.isPending}
            error={update.error}
            onCancel={() => {
              update.reset();
              setEditing(false);
            }}
            onSave={(input) => update.mutate(input, { onSuccess: () => setEditing(false) })}
          />
        ) : (
          <div>
            <div className="flex items-center justify-between gap-3">
              <h3 id={headingId} className="min-w-0 text-base font-semibold text-slate-900">
                {team.name}
              </h3>
              {editable && (
                <Button
                  variant="secondary"
                  className="min-h-9 shrink-0 px-3 py-1.5"
                  aria-label={t("team.editOf", { team: team.name })}
                  onClick={() => setEditing(true)}
                >
                  {t("team.edit")}
                </Button>
              )}
            </div>
            <p className="mt-0.5 text-sm text-slate-600">
              {t("team.summary", {
                zone: zoneLabel(team.timeZone),
                members: team.members.length,
                open,
                capacity,
              })}
            </p>
          </div>
        )}
        <TeamCountries team={team} allTeams={allTeams} />
      </div>
      <MemberList
        members={team.members}
        label={t("team.membersOf", { team: team.name })}
        empty={t("team.noMembers")}
      />
    </section>
  );
}
