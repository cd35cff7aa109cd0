"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { icons } from "@/components/ui/icons";

const KINDS = ["events", "decisions", "transitions"] as const;

/** Downloads of the raw history behind the reports, for the period chosen in the filters. */
export function HistoryExports({ from, to }: { from: string; to: string }) {
  const t = useTranslations("reports.exports");
  const params = new URLSearchParams();
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  const query = params.size ? `?${params}` : "";
  return (
    <section
      aria-labelledby="history-exports"
      className="mt-6 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="history-exports"
    >
      <h2 id="history-exports" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {from || to ? t("period", { from: from || "…", to: to || "…" }) : t("allTime")}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        {KINDS.map((kind) => (
          <a
            key={kind}
            href={`/api/v1/exports/${kind}${query}`}
            download
            className={buttonClass("secondary", "min-h-9 px-3")}
            data-testid={`export-${kind}`}
          >
            <icons.download width={16} height={16} aria-hidden />
            {t(kind)}
          </a>
        ))}
      </div>
    </section>
  );
}
