import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-[60dvh] items-center justify-center px-4">
      <div className="max-w-md text-center" data-testid="not-found">
        <p className="text-sm font-semibold text-brand-600">404</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("notFoundTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("notFoundBody")}</p>
        <Link href="/" className={buttonClass("primary", "mt-6")}>
          {t("goHome")}
        </Link>
      </div>
    </main>
  );
}
