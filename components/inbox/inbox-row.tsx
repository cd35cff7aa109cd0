"use client";

/**
 * One lead on two lines, like a mail client's row: the countdown, the name, who they are, the
 * score and the touches; under them the due time, the top reasons, the source and the actions.
 * The row is a plain list item (selection is `aria-current`), so its buttons are not nested in
 * an interactive role.
 */
import { useFormatter, useTranslations } from "next-intl";
import { memo, useCallback, type ReactNode } from "react";
import { valueLabel } from "@/components/labels/value-label";
import { cn } from "@/components/ui/cn";
import type { InboxRow as Row } from "@/lib/client/queries/inbox";
import { useTemplateWords } from "@/lib/client/use-template-words";
import type { RepLoad } from "@/lib/client/queries/inbox";
import type { DialogKind } from "./action-dialogs";
import { ReassignMenu } from "./reassign-menu";
import { SlaCountdown, useAppNow, type AppClock } from "./sla-countdown";

type Props = {
  row: Row;
  selected: boolean;
  clock: AppClock;
  managing: boolean;
  /** Show the predictive score beside the rule score (an optional column). */
  showPrediction: boolean;
  reps: RepLoad[];
  /** Every callback keeps its identity across renders: a row re-renders only when it changes. */
  registerRow: (id: string, el: HTMLLIElement | null) => void;
  onSelect: (id: string) => void;
  onOpen: () => void;
  onAction: (kind: DialogKind, row: Row) => void;
  onAssign: (row: Row, repId: string, repName: string) => void;
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
        "rounded bg-white px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-600",
        tone === "good" ? "text-emerald-800" : tone === "bad" ? "text-rose-800" : "text-slate-800",
      )}
    >
      {children}
    </button>
  );
}

/** The row's pending deadline: the first touch's, then the minimum touches'. */
export function dueOf(row: Row): string | null {
  if (!row.sla) return null;
  return row.sla.nextDue ?? (row.sla.firstTouchAt ? row.sla.touchesDueBy : row.sla.firstTouchDue);
}

function DueTime({ due, clock }: { due: string; clock: AppClock }) {
  const t = useTranslations("inbox.row");
  const format = useFormatter();
  const now = clock.now;
  const at = new Date(due);
  // Within the week the weekday says enough; further away (or back), the date.
  const near = Math.abs(at.getTime() - now) < 6 * 86_400_000;
  const when = format.dateTime(
    at,
    near
      ? { weekday: "short", hour: "numeric", minute: "2-digit" }
      : { day: "numeric", month: "short", hour: "numeric", minute: "2-digit" },
  );
  return (
    <time dateTime={due} className="tabular-nums" data-testid="row-due">
      {t("due", { when })}
    </time>
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

export const InboxRowItem = memo(function InboxRowItem({
  row,
  selected,
  clock,
  managing,
  showPrediction,
  reps,
  registerRow,
  onSelect: select,
  onOpen,
  onAction: act,
  onAssign: assign,
}: Props) {
  const t = useTranslations("inbox");
  const values = useTranslations("values");
  const words = useTemplateWords();
  const format = useFormatter();
  const sal = row.stage === "sal";
  const touches = row.sla
    ? t("row.touchProgress", { done: row.sla.touchesDone, required: row.sla.touchesRequired })
    : t("row.touchCount", { done: row.touchesDone });
  const due = dueOf(row);
  const points = (n: number) =>
    `${n > 0 ? "+" : ""}${format.number(n, { maximumFractionDigits: 0 })}`;
  const who = [row.title, row.company].filter(Boolean).join(" · ");
  const id = row.id;
  const ref = useCallback((el: HTMLLIElement | null) => registerRow(id, el), [registerRow, id]);
  const onSelect = () => select(id);
  const onAction = (kind: DialogKind) => act(kind, row);
  const onAssign = (repId: string, repName: string) => assign(row, repId, repName);
  return (
    <li
      ref={ref}
      className={cn(
        "@container relative cursor-default px-3 py-1.5 sm:px-4",
        selected ? "bg-brand-50 ring-2 ring-brand-500 ring-inset" : "hover:bg-slate-50",
      )}
      aria-current={selected ? "true" : undefined}
      id={`inbox-${row.id}`}
      data-testid="inbox-row"
      data-lead-id={row.id}
      data-selected={selected}
      data-due={due ?? ""}
      onClick={onSelect}
    >
      <div className="flex min-w-0 items-center gap-2">
        {sal ? (
          <span className="inline-flex min-w-[6.5rem] shrink-0 rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-800 ring-1 ring-violet-200 ring-inset">
            {t("row.accepted")}
          </span>
        ) : row.sla && due ? (
          <SlaCountdown
            due={due}
            start={row.sla.firstTouchAt ?? row.sla.startedAt}
            schedule={row.sla.schedule}
            clock={clock}
            firstTouch={!row.sla.firstTouchAt}
          />
        ) : (
          <span className="inline-flex min-w-[6.5rem] shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
            {t("row.noClock")}
          </span>
        )}
        <button
          type="button"
          className="min-w-0 shrink-0 truncate text-left text-sm font-semibold text-slate-900 hover:text-brand-700 hover:underline max-@md:flex-1 max-@md:shrink @md:max-w-[40%]"
          onClick={(e) => (e.stopPropagation(), onSelect(), onOpen())}
          data-testid="row-name"
        >
          {row.name}
        </button>
        {who && (
          <span className="hidden min-w-0 flex-1 truncate text-sm text-slate-600 @md:block">
            {who}
          </span>
        )}
        <span className="ml-auto flex shrink-0 items-center gap-3 text-xs text-slate-600">
          <span
            className="text-sm font-semibold text-slate-900 tabular-nums"
            data-testid="row-score"
          >
            <span className="sr-only">{t("row.score")}: </span>
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
          </span>
          <span
            className="hidden tabular-nums @md:inline"
            title={t("row.touchesTitle")}
            data-testid="row-touches"
          >
            {touches}
          </span>
        </span>
      </div>
      <div className="mt-0.5 flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-600 @3xl:flex-nowrap">
        <span className="min-w-[6.5rem] shrink-0">
          {due && !sal ? (
            <DueTime due={due} clock={clock} />
          ) : row.handedOverAt ? (
            <SinceHandoff at={row.handedOverAt} clock={clock} />
          ) : null}
        </span>
        {/* On a phone the name needs line 1: who they are and the touches come here. */}
        <span className="min-w-0 flex-1 truncate @md:hidden">{who}</span>
        <span className="shrink-0 tabular-nums @md:hidden" aria-hidden>
          {touches}
        </span>
        {row.breachedEarlier && (
          <span
            className="shrink-0 rounded bg-rose-50 px-1.5 font-medium text-rose-800 ring-1 ring-rose-200 ring-inset"
            title={t("row.breachedEarlierTitle")}
            data-testid="row-breached-earlier"
          >
            {t("row.breachedEarlier")}
          </span>
        )}
        <span
          className="min-w-0 flex-1 basis-full truncate @md:basis-auto"
          data-testid="row-reasons"
        >
          {row.reasons.length > 0 && <span className="sr-only">{t("row.reasons")}: </span>}
          {row.reasons.map((r, i) => (
            <span key={r.label}>
              {i > 0 && <span aria-hidden> · </span>}
              {words.rule(r.label)}{" "}
              <span
                className={cn("tabular-nums", r.points < 0 ? "text-rose-700" : "text-slate-900")}
              >
                {points(r.points)}
              </span>
            </span>
          ))}
        </span>
        <span className="hidden shrink-0 truncate @4xl:block" data-testid="row-source">
          {[
            row.source && valueLabel(values, "source", row.source),
            managing && (row.owner ? row.owner.name : t("row.unassigned")),
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
        {/* In a narrow list (the pane open, a phone) only the selected row shows its buttons. */}
        <span
          className={cn(
            "shrink-0 items-center gap-1",
            selected ? "flex basis-full @3xl:basis-auto" : "hidden @3xl:flex",
          )}
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
            <ReassignMenu row={row} reps={reps} onAssign={onAssign} />
          )}
        </span>
      </div>
    </li>
  );
});
