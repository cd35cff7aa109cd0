"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { UserRow as User } from "@/lib/client/queries/users";
import { zoneLabel } from "@/lib/domain/teams/time-zones";

export type UserStatus = "active" | "invited" | "inactive";

export const statusOf = (user: User): UserStatus =>
  !user.active ? "inactive" : user.passwordSet ? "active" : "invited";

const TONE = { active: "green", invited: "amber", inactive: "slate" } as const;

/** One person: who they are, where they work, and what the admin can do about it. */
export function UserRow({
  user,
  self,
  busy,
  onEdit,
  onToggleActive,
  onLink,
}: {
  user: User;
  self: boolean;
  busy: boolean;
  onEdit: () => void;
  onToggleActive: () => void;
  onLink: () => void;
}) {
  const t = useTranslations("users");
  const roles = useTranslations("roles");
  const status = statusOf(user);
  return (
    <li
      className={cn(
        "grid gap-3 px-4 py-4 sm:px-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,2.2fr)] lg:items-center 2xl:grid-cols-[minmax(0,1.4fr)_minmax(0,2fr)_auto]",
        !user.active && "bg-slate-50",
      )}
      data-testid="user-row"
      data-user={user.email}
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          <span className="break-words">{user.name}</span>
          {self && <Badge tone="indigo">{t("you")}</Badge>}
          <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>
        </p>
        <p className="truncate text-sm text-slate-600" title={user.email}>
          {user.email}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm break-words sm:grid-cols-[minmax(0,1.25fr)_repeat(3,minmax(0,1fr))] [&>div]:min-w-0">
        <div>
          <dt className="text-xs text-slate-600">{t("fields.role")}</dt>
          <dd className="text-slate-900">{roles(user.role)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">{t("fields.team")}</dt>
          <dd className="text-slate-900">{user.teamName ?? t("noTeam")}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">{t("fields.timeZone")}</dt>
          <dd className="text-slate-900">{zoneLabel(user.timeZone)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">{t("fields.capacity")}</dt>
          <dd className="text-slate-900">
            {t("load", { open: user.openMqls, capacity: user.capacity })}
          </dd>
        </div>
      </dl>
      {/* Beside the details only where the row is wide enough for all three; under them before. */}
      <div className="flex flex-wrap gap-2 lg:col-span-2 2xl:col-span-1 2xl:justify-end">
        <Button
          variant="secondary"
          className="min-h-9 px-3 py-1.5"
          onClick={onEdit}
          aria-label={t("actions.editOf", { name: user.name })}
        >
          {t("actions.edit")}
        </Button>
        {user.active && (
          <Button
            variant="secondary"
            className="min-h-9 px-3 py-1.5"
            onClick={onLink}
            disabled={busy}
            aria-label={t(status === "invited" ? "actions.newInviteOf" : "actions.resetOf", {
              name: user.name,
            })}
          >
            {t(status === "invited" ? "actions.newInvite" : "actions.reset")}
          </Button>
        )}
        {!self && (
          <Button
            variant="secondary"
            className={cn("min-h-9 px-3 py-1.5", user.active && "text-rose-700")}
            onClick={onToggleActive}
            disabled={busy}
            aria-label={t(user.active ? "actions.deactivateOf" : "actions.reactivateOf", {
              name: user.name,
            })}
          >
            {t(user.active ? "actions.deactivate" : "actions.reactivate")}
          </Button>
        )}
      </div>
    </li>
  );
}
