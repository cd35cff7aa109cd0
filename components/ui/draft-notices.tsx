"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useApiErrorText } from "@/lib/client/use-api-error";

export type DraftBanner = { tone: "ok" | "error"; text: string };

/**
 * What sits above a page that edits the draft model (the rule editor, the threshold designer):
 * read-only mode, a failed save to retry, and the last action's outcome. Each page words it in its
 * own namespace (`readOnly`, `status.saveFailed`, `status.retry`).
 */
export function DraftNotices({
  namespace,
  canWrite,
  saveError,
  onRetry,
  banner,
  testId,
}: {
  namespace: "editor" | "thresholds";
  canWrite: boolean;
  saveError: Error | null;
  onRetry: () => void;
  banner: DraftBanner | null;
  testId: string;
}) {
  const t = useTranslations(namespace);
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
          className={`mb-4 rounded-md px-3 py-2 text-sm ring-1 ${banner.tone === "ok" ? "bg-emerald-50 text-emerald-900 ring-emerald-200" : "bg-rose-50 text-rose-800 ring-rose-200"}`}
          data-testid={testId}
        >
          {banner.text}
        </div>
      )}
    </>
  );
}
