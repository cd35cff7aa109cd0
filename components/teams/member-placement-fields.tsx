"use client";

import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import { timeZoneChoices, zoneLabel } from "@/lib/domain/teams/time-zones";
import { fieldLabel, ReadOnly } from "./member-field-parts";
import type { MemberChanges, TeamMember } from "@/lib/client/queries/settings";

export function MemberTimeZoneField({
  member,
  id,
  editable,
  save,
}: {
  member: TeamMember;
  id: string;
  editable: boolean;
  save: (changes: MemberChanges) => void;
}) {
  const t = useTranslations("teams");
  if (!editable)
    return <ReadOnly label={t("member.timeZone")} value={zoneLabel(member.timeZone)} />;
  return (
    <>
      <label htmlFor={`${id}-tz`} className={fieldLabel}>
        {t("member.timeZone")}
      </label>
      <Select
        id={`${id}-tz`}
        aria-label={t("member.timeZoneOf", { name: member.name })}
        title={zoneLabel(member.timeZone)}
        value={member.timeZone}
        onChange={(e) => save({ timeZone: e.target.value })}
      >
        {timeZoneChoices(member.timeZone).map((zone) => (
          <option key={zone} value={zone}>
            {zoneLabel(zone)}
          </option>
        ))}
      </Select>
    </>
  );
}

export function MemberTeamField({
  member,
  id,
  editable,
  teams,
  save,
}: {
  member: TeamMember;
  id: string;
  editable: boolean;
  teams: { id: string; name: string }[];
  save: (changes: MemberChanges) => void;
}) {
  const t = useTranslations("teams");
  if (!editable)
    return (
      <ReadOnly
        label={t("member.team")}
        value={teams.find((team) => team.id === member.teamId)?.name ?? t("member.noTeam")}
      />
    );
  return (
    <>
      <label htmlFor={`${id}-team`} className={fieldLabel}>
        {t("member.team")}
      </label>
      <Select
        id={`${id}-team`}
        aria-label={t("member.teamOf", { name: member.name })}
        value={member.teamId ?? ""}
        onChange={(e) => save({ teamId: e.target.value || null })}
      >
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
        <option value="">{t("member.noTeam")}</option>
      </Select>
    </>
  );
}
