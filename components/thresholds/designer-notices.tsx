"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useApiErrorText } from "@/lib/client/use-api-error";

/** Read-only mode, a failed autosave to retry, and the last publish's outcome. */
export function DesignerNotices({
  canWrite,
  saveError,
  onRetry,
  banner,
}: {
  canWrite: boolean;
  saveError: Error | null;
  onRetry: () => void;
  banner: string | null;
}) {
  const t = useTranslations("thresholds");
  const errorText = useApiErrorText();
  return (
    <>
      {!canWrite && (
        <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {t("readOnly")}
        </p>
      )}
      {saveError && (
        <div
          role="alert"
          className="mb-4 flex flex-wrap items-center gap-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200"
        >
          {t("status.saveFailed", { message: errorText(saveError) })}
          <Button variant="secondary" className="min-h-8 py-1" onClick={onRetry}>
            {t("status.retry")}
          </Button>
        </div>
      )}
      {banner && (
        <div
          role="status"
          className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
          data-testid="designer-banner"
        >
          {banner}
        </div>
      )}
    </>
  );
}
