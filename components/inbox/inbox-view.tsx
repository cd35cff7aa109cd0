"use client";

/**
 * The MQL inbox, keyboard first like a mail client: j/k move, Enter opens, t/a/r/d act, ? lists
 * the shortcuts. The list polls for new MQLs and keeps the selected lead selected (or its place,
 * when it left the list). Actions apply at once and roll back with a message if refused.
 */
import { useLocale, useTranslations } from "next-intl";
import { useShowPrediction } from "./use-show-prediction";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ActionDialog, type DialogKind } from "./action-dialogs";
import { Breaches } from "./breaches";
import { InboxRowItem } from "./inbox-row";
import { LeadPane } from "./lead-pane";
import { reasonLabel } from "./reason-label";
import {
  useInbox,
  useInboxAction,
  useReasons,
  useReps,
  type Action,
  type InboxData,
  type InboxFilter,
} from "./use-inbox";

const SHORTCUTS = [
  ["j / k", "move"],
  ["Enter", "open"],
  ["t", "touch"],
  ["a", "accept"],
  ["q", "qualify"],
  ["r", "reject"],
  ["d", "disqualify"],
  ["Esc", "close"],
  ["?", "help"],
] as const;

export function InboxView({ initial, managing }: { initial: InboxData; managing: boolean }) {
  const t = useTranslations("inbox");
  const locale = useLocale();
  const [filter, setFilter] = useState<InboxFilter>({ repId: null, breached: false });
  const isDefault = filter.repId === null && !filter.breached;
  const inbox = useInbox(filter, isDefault ? initial : undefined);
  const rows = useMemo(() => inbox.data?.rows ?? [], [inbox.data]);
  const offsetMs = inbox.data ? Date.parse(inbox.data.now) - inbox.data.fetchedAt : 0;
  const reasons = useReasons();
  const reps = useReps(managing);
  const action = useInboxAction();
  const [selectedId, setSelectedId] = useState<string | null>(rows[0]?.id ?? null);
  const lastIndex = useRef(0);
  const [paneOpen, setPaneOpen] = useState(false);
  const [dialog, setDialog] = useState<{
    kind: DialogKind;
    lead: { id: string; name: string };
  } | null>(null);
  const [help, setHelp] = useState(false);
  const [showPrediction, setShowPrediction] = useShowPrediction();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());

  // Keep the rep's place: the same lead if still there, else the row now at its position.
  const selectedIndex = rows.findIndex((r) => r.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) lastIndex.current = selectedIndex;
    else if (rows.length) setSelectedId(rows[Math.min(lastIndex.current, rows.length - 1)].id);
    else setSelectedId(null);
  }, [selectedIndex, rows]);
  const selected = selectedIndex >= 0 ? rows[selectedIndex] : null;

  const move = useCallback(
    (delta: number) => {
      if (!rows.length) return;
      const next =
        rows[
          Math.max(0, Math.min(rows.length - 1, (selectedIndex < 0 ? 0 : selectedIndex) + delta))
        ];
      setSelectedId(next.id);
      rowRefs.current.get(next.id)?.scrollIntoView({ block: "nearest" });
    },
    [rows, selectedIndex],
  );

  const openDialog = useCallback(
    (kind: DialogKind, row = selected) => {
      if (!row) return;
      if (kind === "accept" && row.stage !== "mql") return;
      if (kind === "qualify" && row.stage !== "sal") return;
      setDialog({ kind, lead: { id: row.id, name: row.name } });
    },
    [selected],
  );

  const run = (a: Action, name: string) => {
    setDialog(null);
    setMessage(null);
    action.mutate(a, {
      onSuccess: () => {
        const done = a.type === "touch" ? "touch" : a.type === "assign" ? "assign" : a.body.kind;
        const reason =
          a.type === "decide" && "reasonCode" in a.body
            ? reasons.data?.find((r) => r.code === (a.body as { reasonCode: string }).reasonCode)
            : undefined;
        setMessage({
          tone: "ok",
          text: t(`done.${done}`, {
            name,
            reason: reason ? reasonLabel(reason, locale) : "",
            rep: a.type === "assign" ? a.repName : "",
          }),
        });
      },
      onError: (error) =>
        setMessage({ tone: "error", text: t("failed", { name, message: error.message }) }),
    });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (dialog || help || e.metaKey || e.ctrlKey || e.altKey) return;
      if (
        ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
        target.isContentEditable ||
        target.getAttribute("role") === "slider"
      )
        return;
      const key = e.key;
      const map: Record<string, () => void> = {
        j: () => move(1),
        ArrowDown: () => move(1),
        k: () => move(-1),
        ArrowUp: () => move(-1),
        Enter: () => selected && setPaneOpen(true),
        Escape: () => setPaneOpen(false),
        t: () => openDialog("touch"),
        a: () => openDialog("accept"),
        q: () => openDialog("qualify"),
        r: () => openDialog("reject"),
        d: () => openDialog("disqualify"),
        "?": () => setHelp(true),
      };
      const handler = map[key];
      if (!handler) return;
      if (key === "Enter" && target.tagName === "BUTTON") return; // a focused button handles its own Enter
      e.preventDefault();
      handler();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dialog, help, move, openDialog, selected]);

  const open = rows.filter((r) => r.stage === "mql").length;
  const overdue = rows.filter((r) => r.sla?.overdue).length;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={
          managing ? t("subtitleManager", { open, overdue }) : t("subtitleRep", { open, overdue })
        }
        actions={
          <span className="hidden sm:block">
            <Button variant="secondary" onClick={() => setHelp(true)} aria-keyshortcuts="?">
              {t("shortcuts.button")}
            </Button>
          </span>
        }
      />
      {managing && <Breaches offsetMs={offsetMs} />}
      <div
        className="mb-4 flex flex-wrap items-center gap-3"
        role="group"
        aria-label={t("filters.label")}
      >
        {managing && (
          <>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              {t("filters.rep")}
              <select
                className="min-h-9 rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
                value={filter.repId ?? ""}
                onChange={(e) => setFilter({ ...filter, repId: e.target.value || null })}
                data-testid="rep-filter"
              >
                <option value="">{t("filters.everyone")}</option>
                <option value="unassigned">{t("filters.unassigned")}</option>
                {(reps.data ?? []).map((r) => (
                  <option key={r.id} value={r.id}>
                    {t("filters.repOption", { name: r.name, open: r.open, capacity: r.capacity })}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="size-4 rounded border-slate-300 text-brand-600"
                checked={filter.breached}
                onChange={(e) => setFilter({ ...filter, breached: e.target.checked })}
                data-testid="breached-filter"
              />
              {t("filters.breached")}
            </label>
          </>
        )}
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="size-4 rounded border-slate-300 text-brand-600"
            checked={showPrediction}
            onChange={(e) => setShowPrediction(e.target.checked)}
            data-testid="prediction-toggle"
          />
          {t("filters.prediction")}
        </label>
      </div>
      {message && (
        <div
          role={message.tone === "ok" ? "status" : "alert"}
          className={cn(
            "mb-4 rounded-md px-3 py-2 text-sm ring-1",
            message.tone === "ok"
              ? "bg-emerald-50 text-emerald-900 ring-emerald-200"
              : "bg-rose-50 text-rose-800 ring-rose-200",
          )}
          data-testid="inbox-message"
        >
          {message.text}
        </div>
      )}
      <div
        className={cn(
          "grid gap-6",
          paneOpen &&
            selected &&
            "xl:grid-cols-[minmax(0,1fr)_24rem] 2xl:grid-cols-[minmax(0,1fr)_30rem]",
        )}
      >
        <Card className="self-start overflow-hidden" aria-busy={inbox.isFetching}>
          {inbox.isError && (
            <p className="px-4 py-3 text-sm text-rose-700">
              {t("loadFailed", { message: inbox.error.message })}
            </p>
          )}
          {rows.length === 0 ? (
            <EmptyState
              title={managing ? t("empty.managerTitle") : t("empty.repTitle")}
              body={managing ? t("empty.managerBody") : t("empty.repBody")}
            />
          ) : (
            <ul
              role="listbox"
              aria-label={t("listLabel")}
              aria-activedescendant={selected ? `inbox-${selected.id}` : undefined}
              className="divide-y divide-slate-100"
              data-testid="inbox-list"
            >
              {rows.map((row) => (
                <InboxRowItem
                  key={row.id}
                  ref={(el) => {
                    if (el) rowRefs.current.set(row.id, el);
                    else rowRefs.current.delete(row.id);
                  }}
                  row={row}
                  selected={row.id === selectedId}
                  offsetMs={offsetMs}
                  managing={managing}
                  showPrediction={showPrediction}
                  reps={reps.data ?? []}
                  onSelect={() => setSelectedId(row.id)}
                  onOpen={() => setPaneOpen(true)}
                  onAction={(kind) => openDialog(kind, row)}
                  onAssign={(repId, repName) =>
                    run({ type: "assign", leadId: row.id, body: { repId }, repName }, row.name)
                  }
                />
              ))}
            </ul>
          )}
          <p
            className="border-t border-slate-100 px-4 py-2 text-xs text-slate-400"
            aria-live="polite"
          >
            {inbox.isFetching ? t("refreshing") : t("refreshed")}
          </p>
        </Card>
        {paneOpen && selected && (
          <div className="fixed inset-0 z-30 bg-slate-900/40 p-0 sm:p-4 xl:static xl:z-auto xl:bg-transparent xl:p-0">
            <div className="h-full xl:sticky xl:top-4 xl:h-[calc(100dvh-2rem)]">
              <LeadPane key={selected.id} leadId={selected.id} onClose={() => setPaneOpen(false)} />
            </div>
          </div>
        )}
      </div>
      <ActionDialog
        kind={dialog?.kind ?? null}
        lead={dialog?.lead ?? null}
        reasons={reasons.data ?? []}
        onClose={() => setDialog(null)}
        onSubmit={(a) => run(a, dialog?.lead.name ?? "")}
      />
      <Dialog
        open={help}
        onClose={() => setHelp(false)}
        title={t("shortcuts.title")}
        labelledBy="shortcuts-title"
      >
        <dl className="grid grid-cols-[6rem_1fr] gap-x-4 gap-y-2 text-sm" data-testid="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 ring-1 ring-slate-300">
                  {keys}
                </kbd>
              </dt>
              <dd className="text-slate-700">{t(`shortcuts.${what}`)}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </>
  );
}
