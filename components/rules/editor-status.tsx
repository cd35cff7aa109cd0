"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import { useAuthorLabel } from "@/components/history/use-author-label";
import type { ActiveSummary } from "@/lib/domain/scoring/editor-state";

export function EditorStatus({
  active,
  changes,
  saving,
  saveFailed,
  saved,
  canWrite,
}: {
  active: ActiveSummary;
  changes: number;
  saving: boolean;
  saveFailed: boolean;
  /** The draft has been stored at least once. */
  saved: boolean;
  canWrite: boolean;
}) {
  const t = useTranslations("editor");
  const authorLabel = useAuthorLabel();
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const saveState = saving
    ? t("status.saving")
    : saveFailed
      ? null
      : saved
        ? t("status.saved")
        : null;
  return (
    <div
      className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600"
      data-testid="editor-status"
    >
      <span>
        {active
          ? t("status.active", {
              version: active.version,
              author: authorLabel(active.authorLabel),
              // Never "in 16 seconds": a browser clock behind the server's reads just-published as past.
              when: format.relativeTime(
                new Date(Math.min(Date.parse(active.publishedAt), now.getTime())),
                now,
              ),
            })
          : t("status.noActive")}
      </span>
      <span aria-hidden className="hidden text-slate-300 sm:inline">
        |
      </span>
      <span data-testid="draft-changes">
        {changes === 0 ? t("status.draftClean") : t("status.draftChanges", { count: changes })}
      </span>
      {saveState && (
        <span className="text-slate-500" aria-live="polite">
          {saveState}
        </span>
      )}
      {canWrite && <span className="hidden text-xs text-slate-500 lg:inline">{t("shortcut")}</span>}
    </div>
  );
}
