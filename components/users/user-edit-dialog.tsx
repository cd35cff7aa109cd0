"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { UserChanges, UserRow } from "@/lib/client/queries/users";
import { useApiErrorText } from "@/lib/client/use-api-error";
import { useUserFieldErrors } from "./field-errors";
import { PlacementFields, type Placement } from "./placement-fields";
import { useChangeUser } from "./use-users";

/** Role, team, time zone and capacity of one person; only what changed is sent. */
export function UserEditDialog({
  user,
  self,
  teams,
  onClose,
  onSaved,
}: {
  user: UserRow;
  self: boolean;
  teams: { id: string; name: string }[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const t = useTranslations("users");
  const id = useId();
  const change = useChangeUser();
  const errors = useUserFieldErrors(change.error);
  const errorText = useApiErrorText();
  const [placement, setPlacement] = useState<Placement>({
    role: user.role,
    teamId: user.teamId ?? "",
    timeZone: user.timeZone,
    capacity: String(user.capacity),
  });
  const { role, teamId, timeZone, capacity } = placement;

  const changes: UserChanges = {};
  if (role !== user.role) changes.role = role;
  if ((teamId || null) !== user.teamId) changes.teamId = teamId || null;
  if (timeZone !== user.timeZone) changes.timeZone = timeZone;
  if (capacity !== String(user.capacity))
    changes.capacity = capacity.trim() === "" ? Number.NaN : Number(capacity);
  const dirty = Object.keys(changes).length > 0;
  const leavesInbox = role === "marketer" && user.role !== "marketer" && user.openMqls > 0;

  return (
    <Dialog
      open
      onClose={onClose}
      title={t("edit.title", { name: user.name })}
      description={user.email}
      labelledBy="user-edit-title"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" form={`${id}-form`} disabled={!dirty || change.isPending}>
            {change.isPending ? t("edit.saving") : t("edit.save")}
          </Button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="grid gap-4 sm:grid-cols-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!dirty) return;
          change.mutate(
            { id: user.id, changes },
            {
              onSuccess: (member) =>
                onSaved(
                  member.reroutedMqls
                    ? t("edit.savedRerouted", { name: user.name, count: member.reroutedMqls })
                    : t("edit.saved", { name: user.name }),
                ),
            },
          );
        }}
      >
        {change.isError && (
          <p role="alert" className="text-sm text-rose-700 sm:col-span-2">
            {Object.keys(errors).length ? t("edit.fix") : errorText(change.error)}
          </p>
        )}
        <PlacementFields
          id={id}
          value={placement}
          onChange={setPlacement}
          teams={teams}
          errors={errors}
          roleLocked={self}
        />
        {leavesInbox && (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 sm:col-span-2">
            {t("edit.leavesInbox", { count: user.openMqls })}
          </p>
        )}
      </form>
    </Dialog>
  );
}
