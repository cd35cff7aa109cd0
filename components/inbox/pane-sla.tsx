"use client";

import { useTranslations } from "next-intl";
import type { Lead } from "@/lib/client/queries/leads";
import { PaneSection } from "./pane-section";
import { usePaneTime } from "./use-pane-time";

/** The running SLA clock first, then the closed ones, each with its breaches. */
export function PaneSla({ sla }: { sla: Lead["sla"] }) {
  const t = useTranslations("inbox.pane");
  const when = usePaneTime();
  return (
    <PaneSection title={t("sla")} testId="pane-sla">
      {sla.current || sla.history.length ? (
        <ul className="space-y-1.5 text-sm">
          {[
            ...(sla.current ? [sla.current] : []),
            ...sla.history.filter((c) => c.id !== sla.current?.id),
          ].map((c) => (
            <li key={c.id} className="text-slate-700">
              <span className="font-medium">{c.policy}</span> ·{" "}
              {t("due", { when: when(c.firstTouchDue) })} ·{" "}
              {t("touches", { done: c.touchesDone, required: c.touchesRequired })}
              {c.breachedFirstTouchAt && (
                <span className="ml-1 rounded bg-rose-50 px-1.5 text-xs text-rose-800 ring-1 ring-rose-200">
                  {t("breachedFirst")}
                </span>
              )}
              {c.breachedTouchesAt && (
                <span className="ml-1 rounded bg-rose-50 px-1.5 text-xs text-rose-800 ring-1 ring-rose-200">
                  {t("breachedTouches")}
                </span>
              )}
              {c.closedAt && (
                <span className="ml-1 text-xs text-slate-500">
                  {t("closed", { when: when(c.closedAt) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("noSla")}</p>
      )}
    </PaneSection>
  );
}
