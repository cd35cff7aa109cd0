"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/field";
import { icons } from "@/components/ui/icons";
import { MAX_CAPACITY } from "@/lib/domain/teams/schemas";
import { timeZoneChoices, zoneLabel, zoneName } from "@/lib/domain/teams/time-zones";
import { dateInZone } from "@/lib/domain/teams/zoned-date";
import { CapacityBar } from "./capacity-bar";
import { errorKey, type MemberChanges, type TeamMember } from "./queries";
import { useTeamsSettings } from "./teams-context";
import { useUpdateMember } from "./use-teams";
import { describeWorkingHours } from "./working-hours";

/** Columns shared by the header row and every member row on wide screens. */
export const MEMBER_GRID =
  "xl:grid xl:grid-cols-[minmax(0,1fr)_5.5rem_5rem_11.5rem_9.5rem_8.5rem] xl:items-start xl:gap-3";

const label = "mb-1 block text-xs font-medium text-slate-600 xl:sr-only";

export function MemberRow({ member }: { member: TeamMember }) {
  const t = useTranslations("teams");
  const roles = useTranslations("roles");
  const format = useFormatter();
  const { editable, teams, now } = useTeamsSettings();
  const id = useId();
  // Dates are the member's own: "today" is today where they work.
  const memberToday = dateInZone(new Date(now), member.timeZone);
  const update = useUpdateMember(member.id, memberToday);
  const [capacity, setCapacity] = useState<string | null>(null);
  const [away, setAway] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ field: "capacity" | "awayUntil"; key: string } | null>(
    null,
  );

  const save = (changes: MemberChanges) => {
    setProblem(null);
    update.mutate(changes);
  };
  const commitCapacity = () => {
    if (capacity === null) return;
    const value = Number(capacity);
    if (capacity.trim() === "" || !Number.isInteger(value) || value < 0 || value > MAX_CAPACITY) {
      setProblem({ field: "capacity", key: "capacity" });
      return;
    }
    setCapacity(null);
    if (value !== member.capacity) save({ capacity: value });
  };
  const commitAway = (value: string, onBlur: boolean) => {
    if (value === "") return; // an incomplete date: wait for the rest
    if (value < memberToday) {
      if (onBlur) setProblem({ field: "awayUntil", key: "awayPast" });
      return;
    }
    setAway(null);
    if (value !== member.awayUntil) save({ awayUntil: value });
  };
  const onEnter = (commit: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      commit();
    }
  };
  const dayName = (day: number) =>
    format.dateTime(new Date(Date.UTC(2024, 0, day)), { weekday: "short", timeZone: "UTC" });
  const awayDate = (date: string) =>
    format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const failed = update.isError ? errorKey(update.error) : null;
  const message = problem?.key ?? failed;

  return (
    <li
      className={cn(
        "space-y-3 px-4 py-4 sm:px-5 xl:space-y-0",
        MEMBER_GRID,
        !member.active && "bg-slate-50",
      )}
      data-testid="member-row"
      data-member={member.name}
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-medium text-slate-900">{member.name}</span>
          <Badge tone={member.role === "manager" ? "violet" : "slate"}>{roles(member.role)}</Badge>
          {member.away && member.awayUntil && (
            <Badge tone="amber" className="gap-1">
              <span>{t("member.away")}</span>
              <span className="sr-only">
                {t("member.awayThrough", { date: awayDate(member.awayUntil) })}
              </span>
            </Badge>
          )}
          {!member.active && <Badge tone="red">{t("member.inactive")}</Badge>}
        </p>
        <p className="mt-0.5 truncate text-xs text-slate-500">
          {describeWorkingHours(member.workingHours, dayName)}
        </p>
        {update.isPending && (
          <p className="mt-1 text-xs text-slate-500" role="status">
            {t("member.saving")}
          </p>
        )}
        {message && (
          <p className="mt-1 text-sm text-rose-700" role="alert" id={`${id}-error`}>
            {t(`errors.${message}`, { max: MAX_CAPACITY })}
          </p>
        )}
      </div>

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:contents">
        <div>
          <span className={label}>{t("member.openMqls")}</span>
          <CapacityBar open={member.openMqls} capacity={member.capacity} />
        </div>

        <div>
          {editable ? (
            <>
              <label htmlFor={`${id}-capacity`} className={label}>
                {t("member.capacity")}
              </label>
              <Input
                id={`${id}-capacity`}
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_CAPACITY}
                step={1}
                className="tabular-nums"
                aria-label={t("member.capacityOf", { name: member.name })}
                aria-invalid={
                  problem?.field === "capacity" || failed === "capacity" ? true : undefined
                }
                aria-describedby={message ? `${id}-error` : undefined}
                value={capacity ?? String(member.capacity)}
                onChange={(e) => setCapacity(e.target.value)}
                onBlur={commitCapacity}
                onKeyDown={onEnter(commitCapacity)}
              />
            </>
          ) : (
            <ReadOnly label={t("member.capacity")} value={String(member.capacity)} />
          )}
        </div>

        <div className="col-span-2 sm:col-span-1">
          {editable ? (
            <>
              <label htmlFor={`${id}-away`} className={label}>
                {t("member.awayUntil")}
              </label>
              <div className="flex items-center gap-1">
                <Input
                  id={`${id}-away`}
                  type="date"
                  min={memberToday}
                  aria-label={t("member.awayUntilOf", { name: member.name })}
                  aria-invalid={
                    problem?.field === "awayUntil" || failed === "awayPast" ? true : undefined
                  }
                  aria-describedby={message ? `${id}-error` : undefined}
                  value={away ?? member.awayUntil ?? ""}
                  onChange={(e) => {
                    setAway(e.target.value);
                    commitAway(e.target.value, false);
                  }}
                  onBlur={(e) => commitAway(e.target.value, true)}
                  onKeyDown={onEnter(() => away !== null && commitAway(away, true))}
                />
                {(member.awayUntil || away) && (
                  <button
                    type="button"
                    className="inline-flex size-10 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900"
                    aria-label={t("member.clearAwayOf", { name: member.name })}
                    title={t("member.clear")}
                    onClick={() => {
                      setAway(null);
                      if (member.awayUntil) save({ awayUntil: null });
                      else setProblem(null);
                    }}
                  >
                    <icons.close width={18} height={18} />
                  </button>
                )}
              </div>
            </>
          ) : (
            <ReadOnly
              label={t("member.awayUntil")}
              value={member.away && member.awayUntil ? awayDate(member.awayUntil) : "—"}
            />
          )}
        </div>

        <div>
          {editable ? (
            <>
              <label htmlFor={`${id}-tz`} className={label}>
                {t("member.timeZone")}
              </label>
              <Select
                id={`${id}-tz`}
                aria-label={t("member.timeZoneOf", { name: member.name })}
                title={zoneName(member.timeZone)}
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
          ) : (
            <ReadOnly label={t("member.timeZone")} value={zoneName(member.timeZone)} />
          )}
        </div>

        <div>
          {editable ? (
            <>
              <label htmlFor={`${id}-team`} className={label}>
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
          ) : (
            <ReadOnly
              label={t("member.team")}
              value={teams.find((team) => team.id === member.teamId)?.name ?? t("member.noTeam")}
            />
          )}
        </div>
      </div>
    </li>
  );
}

function ReadOnly({ label: text, value }: { label: string; value: string }) {
  return (
    <>
      <span className={label}>{text}</span>
      <p className="text-sm text-slate-800 xl:py-2">{value}</p>
    </>
  );
}
