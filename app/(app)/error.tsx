"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations();
  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-xl font-semibold text-slate-900">{t("errors.errorTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("errors.errorBody")}</p>
      {error.digest && (
        <p className="mt-2 font-mono text-xs text-slate-500">
          {t("errors.reference", { digest: error.digest })}
        </p>
      )}
      <Button className="mt-6" onClick={reset}>
        {t("common.retry")}
      </Button>
    </div>
  );
}
