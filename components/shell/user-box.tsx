import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions/session";
import type { Actor } from "@/lib/auth/principal";
import { LocaleSwitch } from "./locale-switch";

export async function UserBox({ actor }: { actor: Actor }) {
  const t = await getTranslations();
  const initials = actor.name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <span
          aria-hidden
          className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700"
        >
          {initials}
        </span>
        <div className="min-w-0">
          <p className="truncate text-sm font-medium text-slate-900" data-testid="current-user">
            {actor.name}
          </p>
          <p className="truncate text-xs text-slate-500" data-testid="current-role">
            {t(`roles.${actor.role}`)}
          </p>
        </div>
      </div>
      <LocaleSwitch />
      <form action={signOutAction}>
        <button
          type="submit"
          className="w-full rounded-md px-3 py-2 text-left text-sm font-medium text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
        >
          {t("common.signOut")}
        </button>
      </form>
    </div>
  );
}
