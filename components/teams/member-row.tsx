"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { dateInZone } from "@/lib/domain/teams/zoned-date";
import { CapacityBar } from "./capacity-bar";
import { MemberAwayField } from "./member-away-field";
import { MemberCapacityField } from "./member-capacity-field";
import { fieldLabel } from "./member-field-parts";
import { MemberTeamField, MemberTimeZoneField } from "./member-placement-fields";
import { MemberSummary } from "./member-summary";
import type { TeamMember } from "@/lib/client/queries/settings";
import { useTeamsSettings } from "./teams-context";
import { useMemberEdits } from "./use-member-edits";

/** Columns shared by the header row and every member row on wide screens. */
export const MEMBER_GRID =
  "xl:grid xl:grid-cols-[minmax(0,1fr)_5.5rem_5rem_11.5rem_9.5rem_8.5rem] xl:items-start xl:gap-3";

export function MemberRow({ member }: { member: TeamMember }) {
  const t = useTranslations("teams");
  const { editable, teams, now } = useTeamsSettings();
  const id = useId();
  // Dates are the member's own: "today" is today where they work.
  const memberToday = dateInZone(new Date(now), member.timeZone);
  const edits = useMemberEdits(member, memberToday);
  const field = { member, id, editable };

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
      <MemberSummary
        member={member}
        saving={edits.update.isPending}
        message={edits.message}
        errorId={`${id}-error`}
      />

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:contents">
        <div>
          <span className={fieldLabel}>{t("member.openMqls")}</span>
          <CapacityBar open={member.openMqls} capacity={member.capacity} />
        </div>

        <div>
          <MemberCapacityField {...field} edits={edits} />
        </div>

        <div className="col-span-2 sm:col-span-1">
          <MemberAwayField {...field} memberToday={memberToday} edits={edits} />
        </div>

        <div>
          <MemberTimeZoneField {...field} save={edits.save} />
        </div>

        <div>
          <MemberTeamField {...field} teams={teams} save={edits.save} />
        </div>
      </div>
    </li>
  );
}
