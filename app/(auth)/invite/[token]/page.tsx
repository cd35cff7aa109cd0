import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { icons } from "@/components/ui/icons";
import { getDb } from "@/db/client";
import { readInvitation } from "@/lib/domain/users/invitations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users.invite"))("title") };
}

/** Where an invited user (or one sent a fresh link) chooses their password. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("users.invite");
  const found = await readInvitation(await getDb(), token);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center text-center">
          <span className="flex size-11 items-center justify-center rounded-xl bg-brand-600 text-white shadow-sm">
            <icons.logo width={24} height={24} />
          </span>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">
            {found.ok ? t("welcome", { name: found.name }) : t("title")}
          </h1>
          {found.ok && <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>}
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          {found.ok ? (
            <AcceptInviteForm token={token} email={found.email} />
          ) : (
            <div className="space-y-4 text-sm text-slate-700" data-testid="invite-problem">
              <p role="alert">{t(`problems.${found.reason}`)}</p>
              <p>
                <Link href="/sign-in" className="font-medium text-brand-700 underline">
                  {t("toSignIn")}
                </Link>
              </p>
            </div>
          )}
        </div>
        <LocaleSwitch className="mt-6 justify-center" />
      </div>
    </main>
  );
}
