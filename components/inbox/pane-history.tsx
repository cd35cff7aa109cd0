"use client";

import { useTranslations } from "next-intl";
import type { Lead } from "@/lib/client/queries/leads";
import { BantAnswers } from "@/components/leads/bant-answers";
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
              <span className="text-slate-600 tabular-nums">{when(x.at)}</span> ·{" "}
              {td(`channels.${x.channel}`)} · {td(`outcomes.${x.outcome}`)}
              {x.note && (
                <blockquote
                  className="mt-0.5 border-l-2 border-slate-300 pl-2 text-slate-900"
                  data-testid="touch-note"
                >
                  {x.note}
                </blockquote>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("noTouches")}</p>
      )}
    </PaneSection>
  );
}

/** The BANT of the latest acceptance, first in the pane once the lead is accepted. */
export function PaneBant({ decisions }: { decisions: Lead["decisions"] }) {
  const t = useTranslations("inbox.pane");
  const accepted = decisions.find((d) => d.kind === "accept" && d.bant);
  if (!accepted?.bant) return null;
  return (
    <PaneSection title={t("bant")} testId="pane-bant">
      <BantAnswers bant={accepted.bant} />
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
            <span className="text-slate-600 tabular-nums">{when(d.at)}</span> ·{" "}
            {t(`kinds.${d.kind}`)}
            {d.reasonCode ? ` · ${reasonText(d.reasonCode)}` : ""}
            {d.note && (
              <blockquote className="mt-0.5 border-l-2 border-slate-300 pl-2 text-slate-900">
                {d.note}
              </blockquote>
            )}
          </li>
        ))}
      </ul>
    </PaneSection>
  );
}
