"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useApiErrorText } from "@/lib/client/use-api-error";

export type EditorBanner = { tone: "ok" | "error"; text: string };

/** What sits above the editor: read-only mode, a failed save to retry, the last action's outcome. */
export function EditorNotices({
  canWrite,
  saveError,
  onRetry,
  banner,
}: {
  canWrite: boolean;
  saveError: Error | null;
  onRetry: () => void;
  banner: EditorBanner | null;
}) {
  const t = useTranslations("editor");
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
          data-testid="editor-banner"
        >
          {banner.text}
        </div>
      )}
    </>
  );
}
