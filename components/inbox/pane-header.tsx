"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { Lead } from "@/lib/client/queries/leads";

/** Who the lead is and how to reach them, a link to the full lead page, and the close button. */
export function PaneHeader({
  leadId,
  lead: l,
  onClose,
}: {
  leadId: string;
  /** Undefined while loading. */
  lead: Lead | undefined;
  onClose: () => void;
}) {
  const t = useTranslations("inbox.pane");
  return (
    <div className="flex items-start justify-between gap-3 px-4 py-3 sm:px-5">
      <div className="min-w-0">
        <h2 id="pane-title" className="truncate text-base font-semibold text-slate-900">
          {l ? [l.firstName, l.lastName].filter(Boolean).join(" ") || l.email : t("loading")}
        </h2>
        {l && (
          <p className="truncate text-sm text-slate-600">
            {[l.jobTitle, l.company, l.country].filter(Boolean).join(" · ")}
          </p>
        )}
        {l && (
          <p className="mt-1 text-xs text-slate-500">
            {[l.email, l.phone].filter(Boolean).join(" · ")}
          </p>
        )}
      </div>
      <div className="flex shrink-0 items-center gap-2">
        <Link
          href={`/leads/${leadId}`}
          className={buttonClass("secondary", "min-h-8 py-1 text-xs")}
        >
          {t("open")}
        </Link>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100"
          aria-label={t("close")}
        >
          ×
        </button>
      </div>
    </div>
  );
}
