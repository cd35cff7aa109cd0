"use client";

/** The selected lead beside the list: why it scored, the SLA clocks, the touch log, decisions and activity. */
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { Timeline, type TimelinePage } from "@/components/leads/timeline";
import { formatPoints } from "@/components/rules/describe-rule";
import { api } from "@/components/rules/use-scoring";
import { reasonLabel } from "./reason-label";
import { useReasons } from "./use-inbox";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ReceiptLine } from "@/lib/domain/scoring/evaluate";
import type { ClockView } from "@/lib/domain/sla/lead-sla";

type LeadJson = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  company: string | null;
  country: string | null;
  stage: string;
  owner: { id: string; name: string; team: string | null } | null;
  score: { total: number; grade: string; band: string } | null;
  receipt: { lines: ReceiptLine[] } | null;
  touches: { id: number; at: string; channel: string; outcome: string; note: string | null }[];
  decisions: {
    id: number;
    at: string;
    kind: string;
    reasonCode: string | null;
    note: string | null;
  }[];
  sla: { current: ClockView | null; history: ClockView[] };
};

function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="border-t border-slate-100 px-4 py-3 sm:px-5" data-testid={testId}>
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children}
    </section>
  );
}

export function LeadPane({ leadId, onClose }: { leadId: string; onClose: () => void }) {
  const t = useTranslations("inbox.pane");
  const td = useTranslations("inbox.dialogs");
  const format = useFormatter();
  const locale = useLocale();
  const reasons = useReasons();
  const reasonText = (code: string) => {
    const found = reasons.data?.find((r) => r.code === code);
    return found ? reasonLabel(found, locale) : code;
  };
  const lead = useQuery({
    queryKey: ["inbox-lead", leadId],
    queryFn: () => api<LeadJson>(`/api/v1/leads/${leadId}`),
  });
  const events = useQuery({
    queryKey: ["inbox-lead", leadId, "events"],
    queryFn: async (): Promise<TimelinePage> => {
      const response = await fetch(`/api/v1/leads/${leadId}/events?limit=20`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    },
  });
  const when = (iso: string) =>
    format.dateTime(new Date(iso), {
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
    });
  const l = lead.data;
  return (
    <aside
      className="flex h-full flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
      aria-labelledby="pane-title"
      data-testid="lead-pane"
    >
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
      <div className="min-h-0 flex-1 overflow-y-auto">
        {lead.isError && (
          <p className="px-5 py-3 text-sm text-rose-700">
            {t("failed", { message: lead.error.message })}
          </p>
        )}
        {l && (
          <>
            <Section title={t("score")} testId="pane-receipt">
              {l.score ? (
                <>
                  <p className="mb-2 text-sm text-slate-700">
                    {t("scoreLine", {
                      total: format.number(l.score.total, { maximumFractionDigits: 1 }),
                      grade: l.score.grade,
                      band: l.score.band,
                    })}
                  </p>
                  <ul className="space-y-1">
                    {(l.receipt?.lines ?? [])
                      .filter((line) => line.earned !== 0)
                      .sort((a, b) => Math.abs(b.earned) - Math.abs(a.earned))
                      .map((line) => (
                        <li
                          key={line.ruleId}
                          className="flex items-baseline justify-between gap-3 text-sm"
                        >
                          <span className="min-w-0 text-slate-700">
                            {line.label}
                            {line.count > 1 && (
                              <span className="text-slate-400"> ×{line.count}</span>
                            )}
                          </span>
                          <span
                            className={cn(
                              "shrink-0 tabular-nums",
                              line.earned < 0 ? "text-rose-700" : "text-slate-900",
                            )}
                          >
                            {formatPoints(Math.round(line.earned * 10) / 10, locale)}
                          </span>
                        </li>
                      ))}
                  </ul>
                </>
              ) : (
                <p className="text-sm text-slate-500">{t("noScore")}</p>
              )}
            </Section>
            <Section title={t("sla")} testId="pane-sla">
              {l.sla.current || l.sla.history.length ? (
                <ul className="space-y-1.5 text-sm">
                  {[
                    ...(l.sla.current ? [l.sla.current] : []),
                    ...l.sla.history.filter((c) => c.id !== l.sla.current?.id),
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
            </Section>
            <Section title={t("touchLog")} testId="pane-touches">
              {l.touches.length ? (
                <ul className="space-y-1.5 text-sm">
                  {l.touches.map((x) => (
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
            </Section>
            {l.decisions.length > 0 && (
              <Section title={t("decisions")} testId="pane-decisions">
                <ul className="space-y-1.5 text-sm">
                  {l.decisions.map((d) => (
                    <li key={d.id} className="text-slate-700">
                      <span className="text-slate-500 tabular-nums">{when(d.at)}</span> ·{" "}
                      {t(`kinds.${d.kind}`)}
                      {d.reasonCode ? ` · ${reasonText(d.reasonCode)}` : ""}
                    </li>
                  ))}
                </ul>
              </Section>
            )}
            <Section title={t("activity")}>
              {events.data ? (
                <Timeline leadId={leadId} initial={events.data} />
              ) : (
                <p className="text-sm text-slate-500">{t("loading")}</p>
              )}
            </Section>
          </>
        )}
      </div>
    </aside>
  );
}
