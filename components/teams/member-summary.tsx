"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { MAX_CAPACITY } from "@/lib/domain/teams/schemas";
import type { TeamMember } from "@/lib/client/queries/settings";
import { useMemberDates } from "./use-member-dates";
import { describeWorkingHours } from "./working-hours";

/** Who the member is (role, away, inactive), their working hours, and the row's save state. */
export function MemberSummary({
  member,
  saving,
  message,
  errorId,
}: {
  member: TeamMember;
  saving: boolean;
  /** An error key of the `teams.errors` messages. */
  message: string | null;
  errorId: string;
}) {
  const t = useTranslations("teams");
  const roles = useTranslations("roles");
  const { dayName, awayDate } = useMemberDates();
  return (
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
      {saving && (
        <p className="mt-1 text-xs text-slate-500" role="status">
          {t("member.saving")}
        </p>
      )}
      {message && (
        <p className="mt-1 text-sm text-rose-700" role="alert" id={errorId}>
          {t(`errors.${message}`, { max: MAX_CAPACITY })}
        </p>
      )}
    </div>
  );
}
