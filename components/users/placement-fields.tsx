"use client";

import { useTranslations } from "next-intl";
import { Field, Input, Select } from "@/components/ui/field";
import { ROLES, type Role } from "@/lib/shared/vocabulary";
import type { UserField } from "./field-errors";
import { TimeZoneSelect } from "./time-zone-select";

export type Placement = { role: Role; teamId: string; timeZone: string; capacity: string };

/**
 * Where a person sits: role, team, time zone and how many open MQLs they can hold. The same
 * fields when adding a person and when changing one (the role locked on one's own account).
 */
export function PlacementFields({
  id,
  value,
  onChange,
  teams,
  errors,
  roleLocked = false,
}: {
  id: string;
  value: Placement;
  onChange: (next: Placement) => void;
  teams: { id: string; name: string }[];
  errors: Partial<Record<UserField, string>>;
  roleLocked?: boolean;
}) {
  const t = useTranslations("users");
  const roles = useTranslations("roles");
  const set = (change: Partial<Placement>) => onChange({ ...value, ...change });
  return (
    <>
      <Field
        id={`${id}-role`}
        label={t("fields.role")}
        hint={roleLocked ? t("edit.ownRole") : undefined}
        error={errors.role}
      >
        <Select
          id={`${id}-role`}
          value={value.role}
          disabled={roleLocked}
          onChange={(e) => set({ role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roles(r)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${id}-team`} label={t("fields.team")} error={errors.teamId}>
        <Select
          id={`${id}-team`}
          value={value.teamId}
          onChange={(e) => set({ teamId: e.target.value })}
        >
          <option value="">{t("noTeam")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${id}-tz`} label={t("fields.timeZone")} error={errors.timeZone}>
        <TimeZoneSelect
          id={`${id}-tz`}
          value={value.timeZone}
          onChange={(timeZone) => set({ timeZone })}
        />
      </Field>
      <Field
        id={`${id}-capacity`}
        label={t("fields.capacity")}
        hint={t("fields.capacityHint")}
        error={errors.capacity}
      >
        <Input
          id={`${id}-capacity`}
          type="number"
          inputMode="numeric"
          min={0}
          max={1000}
          value={value.capacity}
          onChange={(e) => set({ capacity: e.target.value })}
          aria-invalid={errors.capacity ? true : undefined}
          aria-describedby={errors.capacity ? `${id}-capacity-error` : undefined}
        />
      </Field>
    </>
  );
}

/** The capacity typed, as the API takes it: empty is "not given". */
export function capacityOf(typed: string): number | undefined {
  return typed.trim() === "" ? undefined : Number(typed);
}
