"use client";

/**
 * The selected lead beside the list: what sales learned (BANT), why it scored, the SLA clocks, the
 * touch log with its notes, decisions and activity (each event's properties in plain words).
 */
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Timeline } from "@/components/leads/timeline";
import { useApiErrorText } from "@/lib/client/use-api-error";
import { leadQueries } from "@/lib/client/queries/leads";
import { PaneHeader } from "./pane-header";
import { PaneBant, PaneDecisions, PaneTouches } from "./pane-history";
import { PaneScore } from "./pane-score";
import { PaneSection } from "./pane-section";
import { PaneSla } from "./pane-sla";
import { reasonLabel } from "./reason-label";
import { useReasons } from "./use-inbox";

export function LeadPane({ leadId, onClose }: { leadId: string; onClose: () => void }) {
  const t = useTranslations("inbox.pane");
  const locale = useLocale();
  const errorText = useApiErrorText();
  const reasons = useReasons();
  const reasonText = (code: string) => {
    const found = reasons.data?.find((r) => r.code === code);
    return found ? reasonLabel(found, locale) : code;
  };
  const lead = useQuery(leadQueries.detail(leadId));
  const events = useQuery(leadQueries.firstEvents(leadId));
  const l = lead.data;
  return (
    <aside
      className="flex h-full flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
      aria-labelledby="pane-title"
      data-testid="lead-pane"
    >
      <PaneHeader leadId={leadId} lead={l} onClose={onClose} />
      {/* Focusable, so the keyboard can scroll it (its content has no focusable element of its own). */}
      <div className="min-h-0 flex-1 overflow-y-auto" tabIndex={0} data-testid="pane-scroll">
        {lead.isError && (
          <p className="px-5 py-3 text-sm text-rose-700">
            {t("failed", { message: errorText(lead.error) })}
          </p>
        )}
        {l && (
          <>
            <PaneBant decisions={l.decisions} />
            <PaneScore lead={l} />
            <PaneSla sla={l.sla} />
            <PaneTouches touches={l.touches} />
            {l.decisions.length > 0 && (
              <PaneDecisions decisions={l.decisions} reasonText={reasonText} />
            )}
            <PaneSection title={t("activity")}>
              {events.data ? (
                <Timeline leadId={leadId} initial={events.data} />
              ) : (
                <p className="text-sm text-slate-500">{t("loading")}</p>
              )}
            </PaneSection>
          </>
        )}
      </div>
    </aside>
  );
}
