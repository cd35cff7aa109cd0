"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { useConfirm } from "@/components/ui/use-confirm";
import { userQueries, type UserRow as User } from "@/lib/client/queries/users";
import { useApiErrorText } from "@/lib/client/use-api-error";
import { ROLES, type Role } from "@/lib/shared/vocabulary";
import { InvitationLink } from "./invitation-link";
import { UserCreateDialog } from "./user-create-dialog";
import { UserEditDialog } from "./user-edit-dialog";
import { UserRow } from "./user-row";
import { useChangeUser, useInvitationLink } from "./use-users";

type Notice =
  | { kind: "text"; text: string }
  | { kind: "error"; text: string }
  | { kind: "link"; name: string; path: string; expiresAt: string };

/** Settings › Users (admins): everyone who can sign in, invitations, roles, deactivation. */
export function UsersPanel({
  initial,
  teams,
  selfId,
}: {
  initial: User[];
  teams: { id: string; name: string }[];
  selfId: string;
}) {
  const t = useTranslations("users");
  const roles = useTranslations("roles");
  const users = useQuery({ ...userQueries.list(), initialData: initial }).data;
  const [confirm, confirmDialog] = useConfirm();
  const errorText = useApiErrorText();
  const change = useChangeUser();
  const link = useInvitationLink();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [query, setQuery] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const needle = query.trim().toLowerCase();
  const shown = users.filter(
    (u) =>
      (!role || u.role === role) &&
      (!needle ||
        u.name.toLowerCase().includes(needle) ||
        u.email.includes(needle) ||
        (u.teamName ?? "").toLowerCase().includes(needle)),
  );
  const busy = change.isPending || link.isPending;
  const active = users.filter((u) => u.active).length;

  const toggleActive = async (user: User) => {
    if (user.active) {
      const yes = await confirm({
        title: t("deactivate.title", { name: user.name }),
        body: t("deactivate.body", { count: user.openMqls }),
        action: t("deactivate.action", { name: user.name }),
        danger: true,
      });
      if (!yes) return;
    }
    change.mutate(
      { id: user.id, changes: { active: !user.active } },
      {
        onSuccess: (member) =>
          setNotice({
            kind: "text",
            text: user.active
              ? t("deactivate.done", { name: user.name, count: member.reroutedMqls })
              : t("reactivated", { name: user.name }),
          }),
        onError: (error) => setNotice({ kind: "error", text: errorText(error) }),
      },
    );
  };

  const newLink = (user: User) =>
    link.mutate(user.id, {
      onSuccess: (invitation) => setNotice({ kind: "link", name: user.name, ...invitation }),
      onError: (error) => setNotice({ kind: "error", text: errorText(error) }),
    });

  return (
    <Card aria-labelledby="users-heading" data-testid="users-panel">
      <CardHeader
        id="users-heading"
        title={t("title")}
        action={
          <Button className="min-h-9 px-3 py-1.5" onClick={() => setCreating(true)}>
            {t("add")}
          </Button>
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-5">
        <p className="max-w-3xl text-sm text-slate-600">
          {t("intro", { active, total: users.length })}
        </p>
        {notice?.kind === "link" && (
          <InvitationLink name={notice.name} path={notice.path} expiresAt={notice.expiresAt} />
        )}
        {notice?.kind === "text" && (
          <p
            role="status"
            className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
            data-testid="users-notice"
          >
            {notice.text}
          </p>
        )}
        {notice?.kind === "error" && (
          <p role="alert" className="text-sm text-rose-700">
            {notice.text}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-3 border-t border-slate-100 px-4 py-3 sm:px-5">
        <div className="min-w-48 flex-1 sm:max-w-xs">
          <label htmlFor="users-search" className="mb-1 block text-xs font-medium text-slate-700">
            {t("search")}
          </label>
          <Input
            id="users-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("searchPlaceholder")}
          />
        </div>
        <div>
          <label htmlFor="users-role" className="mb-1 block text-xs font-medium text-slate-700">
            {t("fields.role")}
          </label>
          <Select
            id="users-role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role | "")}
          >
            <option value="">{t("allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roles(r)}
              </option>
            ))}
          </Select>
        </div>
        <p className="pb-2 text-sm text-slate-600" aria-live="polite">
          {t("shown", { count: shown.length })}
        </p>
      </div>
      <ul
        className="divide-y divide-slate-100 border-t border-slate-100"
        aria-label={t("listLabel")}
      >
        {shown.map((user) => (
          <UserRow
            key={user.id}
            user={user}
            self={user.id === selfId}
            busy={busy}
            onEdit={() => setEditing(user)}
            onToggleActive={() => toggleActive(user)}
            onLink={() => newLink(user)}
          />
        ))}
      </ul>
      <UserCreateDialog
        open={creating}
        teams={teams}
        onClose={() => setCreating(false)}
        onCreated={({ user, invitation }) => {
          setCreating(false);
          setNotice(
            invitation
              ? { kind: "link", name: user.name, ...invitation }
              : { kind: "text", text: t("created", { name: user.name }) },
          );
        }}
      />
      {editing && (
        <UserEditDialog
          key={editing.id}
          user={editing}
          self={editing.id === selfId}
          teams={teams}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            setNotice({ kind: "text", text });
          }}
        />
      )}
      {confirmDialog}
    </Card>
  );
}
