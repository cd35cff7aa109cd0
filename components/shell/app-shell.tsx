import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { icons } from "@/components/ui/icons";
import type { Actor } from "@/lib/auth/principal";
import { homeFor, navFor } from "@/lib/auth/permissions";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { UserBox } from "./user-box";

export async function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const t = await getTranslations();
  const items = navFor(actor.role).map((item) => ({
    key: item.key,
    href: item.href,
    label: t(`nav.${item.key}`),
  }));
  const brand = (
    <Link
      href={homeFor(actor.role)}
      className="flex items-center gap-2 rounded-md text-lg font-semibold tracking-tight text-slate-900"
    >
      <span className="flex size-8 items-center justify-center rounded-lg bg-brand-600 text-white">
        <icons.logo width={18} height={18} />
      </span>
      {t("common.appName")}
    </Link>
  );
  const userBox = <UserBox actor={actor} />;
  return (
    <div className="min-h-dvh md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("common.skipToContent")}
      </a>
      <header className="sticky top-0 z-20 flex h-14 items-center justify-between border-b border-slate-200 bg-white px-4 md:hidden">
        {brand}
        <MobileNav items={items} footer={userBox} />
      </header>
      <div className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
        <aside className="sticky top-0 flex h-dvh flex-col px-3 py-5">
          <div className="px-2">{brand}</div>
          <nav aria-label={t("nav.main")} className="mt-8 flex-1">
            <NavLinks items={items} />
          </nav>
          <div className="border-t border-slate-100 px-2 pt-4">{userBox}</div>
        </aside>
      </div>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-10 lg:py-8">
        {children}
      </main>
    </div>
  );
}
