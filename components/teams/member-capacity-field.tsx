"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/field";
import { MAX_CAPACITY } from "@/lib/domain/teams/schemas";
import { fieldLabel, onEnter, ReadOnly } from "./member-field-parts";
import type { TeamMember } from "@/lib/client/queries/settings";
import type { MemberEdits } from "./use-member-edits";

export function MemberCapacityField({
  member,
  id,
  editable,
  edits,
}: {
  member: TeamMember;
  /** The row's id prefix. */
  id: string;
  editable: boolean;
  edits: MemberEdits;
}) {
  const t = useTranslations("teams");
  const { capacity, setCapacity, commitCapacity, problem, failed, message } = edits;
  if (!editable) return <ReadOnly label={t("member.capacity")} value={String(member.capacity)} />;
  return (
    <>
      <label htmlFor={`${id}-capacity`} className={fieldLabel}>
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
        aria-invalid={problem?.field === "capacity" || failed === "capacity" ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        value={capacity ?? String(member.capacity)}
        onChange={(e) => setCapacity(e.target.value)}
        onBlur={commitCapacity}
        onKeyDown={onEnter(commitCapacity)}
      />
    </>
  );
}
