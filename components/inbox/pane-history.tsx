"use client";

import { useTranslations } from "next-intl";
import type { Lead } from "@/lib/client/queries/leads";
import { PaneSection } from "./pane-section";
import { usePaneTime } from "./use-pane-time";

export function PaneTouches({ touches }: { touches: Lead["touches"] }) {
  const t = useTranslations("inbox.pane");
  const td = useTranslations("inbox.dialogs");
  const when = usePaneTime();
  return (
    <PaneSection title={t("touchLog")} testId="pane-touches">
      {touches.length ? (
        <ul className="space-y-1.5 text-sm">
          {touches.map((x) => (
            <li key={x.id} className="text-slate-700">
              <span className="text-slate-500 tabular-nums">{when(x.at)}</span> ·{" "}
              {td(`channels.${x.channel}`)} · {td(`outcomes.${x.outcome}`)}
              {x.note && <span className="block text-xs text-slate-500">{x.note}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("noTouches")}</p>
      )}
    </PaneSection>
  );
}

export function PaneDecisions({
  decisions,
  reasonText,
}: {
  decisions: Lead["decisions"];
  /** A reason code as the reader's label (the code itself when unknown). */
  reasonText: (code: string) => string;
}) {
  const t = useTranslations("inbox.pane");
  const when = usePaneTime();
  return (
    <PaneSection title={t("decisions")} testId="pane-decisions">
      <ul className="space-y-1.5 text-sm">
        {decisions.map((d) => (
          <li key={d.id} className="text-slate-700">
            <span className="text-slate-500 tabular-nums">{when(d.at)}</span> ·{" "}
            {t(`kinds.${d.kind}`)}
            {d.reasonCode ? ` · ${reasonText(d.reasonCode)}` : ""}
          </li>
        ))}
      </ul>
    </PaneSection>
  );
}
