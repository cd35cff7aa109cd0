import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { icons } from "@/components/ui/icons";
import { homeFor } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";

export default async function Forbidden() {
  const t = await getTranslations();
  const actor = await getActor();
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="max-w-md text-center" data-testid="forbidden">
        <span className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-amber-50 text-amber-700">
          <icons.lock />
        </span>
        <p className="text-sm font-semibold text-amber-700">403</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("errors.forbiddenTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {t("errors.forbiddenBody", { role: actor ? t(`roles.${actor.role}`) : "—" })}
        </p>
        <Link
          href={actor ? homeFor(actor.role) : "/sign-in"}
          className={buttonClass("primary", "mt-6")}
        >
          {t("errors.goHome")}
        </Link>
      </div>
    </main>
  );
}
