"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { MEMBER_GRID, MemberRow } from "./member-row";
import type { TeamMember } from "@/lib/client/queries/settings";

export function MemberList({
  members,
  label,
  empty,
}: {
  members: TeamMember[];
  label: string;
  empty: string;
}) {
  const t = useTranslations("teams.member");
  if (members.length === 0)
    return (
      <p className="border-t border-slate-100 px-4 py-4 text-sm text-slate-600 sm:px-5">{empty}</p>
    );
  const th = "text-xs font-semibold tracking-wide text-slate-500 uppercase";
  return (
    <div className="border-t border-slate-100">
      <div className={cn("hidden bg-slate-50 px-5 py-2", MEMBER_GRID)} aria-hidden>
        <span className={th}>{t("member")}</span>
        <span className={th}>{t("openMqls")}</span>
        <span className={th}>{t("capacity")}</span>
        <span className={th}>{t("awayUntil")}</span>
        <span className={th}>{t("timeZone")}</span>
        <span className={th}>{t("team")}</span>
      </div>
      <ul className="divide-y divide-slate-100" aria-label={label}>
        {members.map((member) => (
          <MemberRow key={member.id} member={member} />
        ))}
      </ul>
    </div>
  );
}
