"use client";

import { useFormatter, useLocale, useNow, useTranslations } from "next-intl";
import type { ActiveSummary } from "@/lib/domain/scoring/editor-state";

export function DesignerStatus({
  active,
  changes,
  saveState,
}: {
  active: ActiveSummary;
  changes: number;
  saveState: string | null;
}) {
  const t = useTranslations("thresholds");
  const locale = useLocale();
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  return (
    <div
      className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600"
      data-testid="designer-status"
    >
      <span>
        {active
          ? t("status.active", {
              version: active.version,
              threshold: n(active.model.mqlThreshold),
              // Never "in 16 seconds": a browser clock behind the server's reads just-published as past.
              when: format.relativeTime(
                new Date(Math.min(Date.parse(active.publishedAt), now.getTime())),
                now,
              ),
            })
          : t("status.noActive")}
      </span>
      <span data-testid="draft-changes">
        {changes === 0 ? t("status.draftClean") : t("status.draftChanges", { count: changes })}
      </span>
      {saveState && (
        <span className="text-slate-600" aria-live="polite" data-testid="save-state">
          {saveState}
        </span>
      )}
    </div>
  );
}
