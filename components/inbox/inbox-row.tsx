"use client";

import { useFormatter, useTranslations } from "next-intl";
import { forwardRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { InboxRow as Row } from "@/lib/client/queries/inbox";
import type { RepLoad } from "@/lib/client/queries/inbox";
import type { DialogKind } from "./action-dialogs";
import { SlaCountdown, useAppNow, type AppClock } from "./sla-countdown";

type Props = {
  row: Row;
  selected: boolean;
  clock: AppClock;
  managing: boolean;
  /** Show the predictive score beside the rule score (an optional column). */
  showPrediction: boolean;
  reps: RepLoad[];
  onSelect: () => void;
  onOpen: () => void;
  onAction: (kind: DialogKind) => void;
  onAssign: (repId: string, repName: string) => void;
};

function ActionButton({
  children,
  onClick,
  tone,
}: {
  children: ReactNode;
  onClick: () => void;
  tone?: "good" | "bad";
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={cn(
        "rounded-md bg-white px-2.5 py-1 text-xs font-medium ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-600",
        tone === "good" ? "text-emerald-800" : tone === "bad" ? "text-rose-800" : "text-slate-800",
      )}
    >
      {children}
    </button>
  );
}

function SinceHandoff({ at, clock }: { at: string; clock: AppClock }) {
  const format = useFormatter();
  const now = useAppNow(clock);
  // Relative time moves in whole minutes; the shared ticker keeps it current.
  return (
    <span title={format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" })}>
      {format.relativeTime(new Date(at), new Date(Math.max(now, Date.parse(at))))}
    </span>
  );
}

export const InboxRowItem = forwardRef<HTMLLIElement, Props>(function InboxRowItem(
  { row, selected, clock, managing, showPrediction, reps, onSelect, onOpen, onAction, onAssign },
  ref,
) {
  const t = useTranslations("inbox");
  const format = useFormatter();
  const sal = row.stage === "sal";
  const touches = row.sla
    ? `${row.sla.touchesDone}/${row.sla.touchesRequired}`
    : String(row.touchesDone);
  const due = row.sla
    ? (row.sla.nextDue ?? (row.sla.firstTouchAt ? row.sla.touchesDueBy : row.sla.firstTouchDue))
    : null;
  return (
    <li
      ref={ref}
      className={cn(
        "@container relative px-3 py-3 sm:px-4",
        selected ? "bg-brand-50/70 ring-2 ring-brand-500 ring-inset" : "hover:bg-slate-50",
      )}
      aria-selected={selected}
      role="option"
      id={`inbox-${row.id}`}
      data-testid="inbox-row"
      data-lead-id={row.id}
      data-due={due ?? ""}
      onClick={onSelect}
    >
      <div className="flex flex-col gap-2 @2xl:flex-row @2xl:items-start @2xl:justify-between @2xl:gap-4">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            {sal ? (
              <span className="rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-800 ring-1 ring-violet-200 ring-inset">
                {t("row.accepted")}
              </span>
            ) : row.sla && due ? (
              <SlaCountdown
                due={due}
                start={row.sla.firstTouchAt ?? row.sla.startedAt}
                clock={clock}
                label={row.sla.firstTouchAt ? t("sla.touchesDue") : t("sla.firstTouchDue")}
              />
            ) : (
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
                {t("row.noClock")}
              </span>
            )}
            <button
              type="button"
              className="truncate text-left font-semibold text-slate-900 hover:text-brand-700 hover:underline"
              onClick={(e) => (e.stopPropagation(), onSelect(), onOpen())}
              data-testid="row-name"
            >
              {row.name}
            </button>
          </div>
          <p className="mt-0.5 truncate text-sm text-slate-600">
            {[row.title, row.company].filter(Boolean).join(" · ") || "—"}
          </p>
          {row.reasons.length > 0 && (
            <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-label={t("row.reasons")}>
              {row.reasons.map((r) => (
                <li
                  key={r.label}
                  className={cn(
                    "rounded px-1.5 py-0.5 text-xs ring-1 ring-inset",
                    r.points < 0
                      ? "bg-rose-50 text-rose-800 ring-rose-200"
                      : "bg-slate-50 text-slate-700 ring-slate-200",
                  )}
                >
                  {r.label}{" "}
                  <span className="tabular-nums">
                    {r.points > 0
                      ? `+${format.number(r.points, { maximumFractionDigits: 0 })}`
                      : format.number(r.points, { maximumFractionDigits: 0 })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <dl className="grid grid-cols-[auto_auto_auto] justify-start gap-x-4 text-xs text-slate-500 @2xl:shrink-0 @2xl:justify-end @2xl:text-right @2xl:text-sm">
          <div>
            <dt className="sr-only">{t("row.score")}</dt>
            <dd className="font-semibold text-slate-900 tabular-nums" data-testid="row-score">
              {row.score ? format.number(row.score.total, { maximumFractionDigits: 0 }) : "—"}
              {row.score && (
                <span className="ml-1 rounded bg-slate-100 px-1 text-xs font-medium text-slate-700">
                  {row.score.grade}
                </span>
              )}
              {showPrediction && (
                <span
                  className="ml-1 rounded bg-brand-50 px-1 text-xs font-medium text-brand-800"
                  title={t("row.predictedTitle")}
                  data-testid="row-prediction"
                >
                  {row.prediction === null
                    ? "—"
                    : format.number(row.prediction, { style: "percent", maximumFractionDigits: 0 })}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt className="sr-only">{t("row.touches")}</dt>
            <dd className="tabular-nums" title={t("row.touchesTitle")} data-testid="row-touches">
              {t("row.touchCount", { touches })}
            </dd>
          </div>
          <div>
            <dt className="sr-only">{t("row.handedOver")}</dt>
            <dd>{row.handedOverAt ? <SinceHandoff at={row.handedOverAt} clock={clock} /> : "—"}</dd>
          </div>
          <div className="col-span-3 truncate text-xs text-slate-400">
            {[
              row.source && t("row.source", { source: row.source }),
              managing && (row.owner ? row.owner.name : t("row.unassigned")),
            ]
              .filter(Boolean)
              .join(" · ")}
          </div>
        </dl>
      </div>
      <div
        className="mt-2 flex flex-wrap items-center gap-1.5"
        onClick={(e) => e.stopPropagation()}
        role="group"
        aria-label={t("row.actions", { name: row.name })}
      >
        <ActionButton onClick={() => onAction("touch")}>{t("actions.touch")}</ActionButton>
        {sal ? (
          <ActionButton onClick={() => onAction("qualify")}>{t("actions.qualify")}</ActionButton>
        ) : (
          <ActionButton tone="good" onClick={() => onAction("accept")}>
            {t("actions.accept")}
          </ActionButton>
        )}
        <ActionButton onClick={() => onAction("reject")}>{t("actions.reject")}</ActionButton>
        <ActionButton tone="bad" onClick={() => onAction("disqualify")}>
          {t("actions.disqualify")}
        </ActionButton>
        {managing && reps.length > 0 && (
          <select
            aria-label={t("actions.reassignLabel", { name: row.name })}
            className="ml-auto rounded-md border-0 bg-white py-1 pr-7 pl-2 text-xs text-slate-700 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
            value=""
            onChange={(e) => {
              const rep = reps.find((r) => r.id === e.target.value);
              if (rep) onAssign(rep.id, rep.name);
            }}
          >
            <option value="">{t("actions.reassign")}</option>
            {reps
              .filter((r) => r.id !== row.owner?.id)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {t("actions.reassignTo", { name: r.name, open: r.open, capacity: r.capacity })}
                </option>
              ))}
          </select>
        )}
      </div>
    </li>
  );
});
