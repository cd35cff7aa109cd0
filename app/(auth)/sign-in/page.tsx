import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { buttonClass } from "@/components/ui/button";
import { icons } from "@/components/ui/icons";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/seed/demo-users";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { oidcProviderName } from "@/lib/auth/config";
import { homeFor } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { serverEnv } from "@/lib/infra/env";
import { signInWithOidcAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("submit") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const actor = await getActor();
  if (actor) redirect(homeFor(actor.role));
  const t = await getTranslations();
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  const oidc = oidcProviderName();
  const demo = serverEnv().demoData;
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center text-center">
          <span className="flex size-11 items-center justify-center rounded-xl bg-brand-600 text-white shadow-sm">
            <icons.logo width={24} height={24} />
          </span>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">
            {t("signIn.title")}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{t("signIn.subtitle")}</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <SignInForm callbackUrl={callbackUrl} />
          {oidc && (
            <>
              <p className="my-4 text-center text-xs tracking-wide text-slate-500 uppercase">
                {t("signIn.or")}
              </p>
              <form action={signInWithOidcAction}>
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className={buttonClass("secondary", "w-full")}>
                  {t("signIn.sso", { provider: oidc })}
                </button>
              </form>
            </>
          )}
        </div>
        {demo && (
          <details className="mt-4 rounded-xl bg-white/70 px-4 py-3 text-sm ring-1 ring-slate-200">
            <summary className="cursor-pointer font-medium text-slate-800">
              {t("signIn.demoTitle")}
            </summary>
            <p className="mt-2 text-slate-600">
              {t("signIn.demoBody", { password: DEMO_PASSWORD })}
            </p>
            <ul className="mt-2 space-y-1">
              {DEMO_USERS.map((u) => (
                <li key={u.email} className="flex justify-between gap-2 text-xs">
                  <code className="truncate text-slate-800">{u.email}</code>
                  <span className="shrink-0 text-slate-500">{t(`roles.${u.role}`)}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
        <LocaleSwitch className="mt-6 justify-center" />
      </div>
    </main>
  );
}
