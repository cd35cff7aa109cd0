"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/field";
import { icons } from "@/components/ui/icons";
import { fieldLabel, onEnter, ReadOnly } from "./member-field-parts";
import type { TeamMember } from "@/lib/client/queries/settings";
import { useMemberDates } from "./use-member-dates";
import type { MemberEdits } from "./use-member-edits";

/** Away until a date (from the member's today on), with a button that clears it. */
export function MemberAwayField({
  member,
  id,
  editable,
  memberToday,
  edits,
}: {
  member: TeamMember;
  id: string;
  editable: boolean;
  memberToday: string;
  edits: MemberEdits;
}) {
  const t = useTranslations("teams");
  const { awayDate } = useMemberDates();
  const { away, setAway, commitAway, clearAway, problem, failed, message } = edits;
  if (!editable)
    return (
      <ReadOnly
        label={t("member.awayUntil")}
        value={member.away && member.awayUntil ? awayDate(member.awayUntil) : "—"}
      />
    );
  return (
    <>
      <label htmlFor={`${id}-away`} className={fieldLabel}>
        {t("member.awayUntil")}
      </label>
      <div className="flex items-center gap-1">
        <Input
          id={`${id}-away`}
          type="date"
          min={memberToday}
          aria-label={t("member.awayUntilOf", { name: member.name })}
          aria-invalid={problem?.field === "awayUntil" || failed === "awayPast" ? true : undefined}
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
            onClick={clearAway}
          >
            <icons.close width={18} height={18} />
          </button>
        )}
      </div>
    </>
  );
}
