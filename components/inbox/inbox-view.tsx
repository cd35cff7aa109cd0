"use client";

/**
 * The MQL inbox, keyboard first like a mail client: j/k move, Enter opens, t/a/r/d act, ? lists
 * the shortcuts. The list polls for new MQLs and keeps the selected lead selected (or its place,
 * when it left the list). Actions apply at once and roll back with a message if refused.
 */
import { useLocale, useTranslations } from "next-intl";
import { clockOf } from "./sla-countdown";
import { useShowPrediction } from "./use-show-prediction";
import { useCallback, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/use-confirm";
import type { InboxRow, RecentNotifications, RepLoad } from "@/lib/client/queries/inbox";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { useApiErrorText } from "@/lib/client/use-api-error";
import type { InboxCounts } from "@/lib/domain/inbox/snapshot";
import { isPastSla } from "@/lib/shared/inbox";
import { useStableCallback } from "@/lib/client/use-stable-callback";
import { ActionDialog, type DialogKind, type DialogLead } from "./action-dialogs";
import { Breaches } from "./breaches";
import { InboxFilters } from "./inbox-filters";
import { InboxList } from "./inbox-list";
import { LeadPane } from "./lead-pane";
import { reasonLabel } from "./reason-label";
import { ShortcutsDialog } from "./shortcuts-dialog";
import {
  useInbox,
  useInboxAction,
  useReasons,
  useReps,
  type Action,
  type InboxData,
  type InboxFilter,
} from "./use-inbox";
import { useInboxSelection } from "./use-inbox-selection";
import { useInboxShortcuts } from "./use-inbox-shortcuts";
import { UNDO_SECONDS, usePendingAssign } from "./use-pending-assign";

const NO_REPS: RepLoad[] = [];

export function InboxView({
  initial,
  notifications,
  managing,
}: {
  /** The first rows, and the whole list's counts when only those were sent (snapshot.ts). */
  initial: InboxData & { partial: InboxCounts | null };
  /** A manager's latest notifications, read with the page. */
  notifications: RecentNotifications | null;
  managing: boolean;
}) {
  const t = useTranslations("inbox");
  const locale = useLocale();
  const errorText = useApiErrorText();
  const [filter, setFilter] = useState<InboxFilter>({ repId: null, breached: false });
  const isDefault = filter.repId === null && !filter.breached;
  const inbox = useInbox(filter, isDefault ? initial : undefined, initial.partial !== null);
  // Only the first rows are here yet: the header says what the whole list holds.
  const partial = inbox.data === initial ? initial.partial : null;
  const rows = useMemo(() => inbox.data?.rows ?? [], [inbox.data]);
  const clock = useMemo(() => clockOf(inbox.data), [inbox.data]);
  const reasons = useReasons();
  const reps = useReps(managing);
  const action = useInboxAction();
  const { selectedId, setSelectedId, selected, move, jump, registerRow } = useInboxSelection(rows);
  const [confirm, confirmDialog] = useConfirm();
  const [asking, setAsking] = useState(false);
  const [paneOpen, setPaneOpen] = useState(false);
  const [dialog, setDialog] = useState<{
    kind: DialogKind;
    lead: DialogLead;
  } | null>(null);
  const [help, setHelp] = useState(false);
  const [showPrediction, setShowPrediction] = useShowPrediction();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const openDialog = useCallback(
    (kind: DialogKind, row = selected) => {
      if (!row) return;
      if (kind === "accept" && row.stage !== "mql") return;
      if (kind === "qualify" && row.stage !== "sal") return;
      setDialog({
        kind,
        lead: {
          id: row.id,
          name: row.name,
          touches: row.sla
            ? { done: row.sla.touchesDone, required: row.sla.touchesRequired }
            : null,
        },
      });
    },
    [selected],
  );

  const [dialogError, setDialogError] = useState<string | null>(null);
  const closeDialog = () => {
    setDialog(null);
    setDialogError(null);
  };

  /**
   * Runs an action. From a dialog, the dialog stays open (what was typed kept) until the server
   * agrees, and shows its refusal in place. The rep keeps their place: acting on the selected row
   * selects the row that was below it, whether the lead leaves the list or re-sorts further down.
   */
  const run = (a: Action, name: string, fromDialog = false) => {
    setMessage(null);
    setDialogError(null);
    const index = rows.findIndex((r) => r.id === a.leadId);
    const below = index >= 0 ? (rows[index + 1] ?? rows[index - 1] ?? null) : null;
    const keepPlace = a.type !== "assign" && a.leadId === selectedId && below !== null;
    action.mutate(a, {
      onSuccess: () => {
        if (fromDialog) closeDialog();
        if (keepPlace) setSelectedId(below.id);
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
      onError: (error) => {
        const text = t("failed", { name, message: errorText(error) });
        if (fromDialog) setDialogError(text);
        else setMessage({ tone: "error", text });
      },
    });
  };

  const pendingAssign = usePendingAssign((a, name) => run(a, name));

  useInboxShortcuts({
    blocked: dialog !== null || help || asking,
    hasSelection: selected !== null,
    move,
    jump,
    openDialog,
    setPaneOpen,
    setHelp,
  });

  // The header counts the rows below it: open MQLs, accepted leads, and those past the SLA (what
  // the "past the SLA only" filter lists).
  const { open, accepted, past } = partial ?? {
    open: rows.filter((r) => r.stage === "mql").length,
    accepted: rows.filter((r) => r.stage === "sal").length,
    past: rows.filter(isPastSla).length,
  };

  const askReassign = async (row: InboxRow, repId: string, repName: string) => {
    setAsking(true);
    const yes = await confirm({
      title: t("reassign.title", { name: row.name }),
      body: t("reassign.body", {
        name: row.name,
        from: row.owner?.name ?? t("row.unassigned"),
        to: repName,
        seconds: UNDO_SECONDS,
      }),
      action: t("reassign.action", { rep: repName }),
    });
    setAsking(false);
    if (yes) {
      setMessage(null);
      pendingAssign.start({ type: "assign", leadId: row.id, body: { repId }, repName }, row.name);
    }
  };

  // Stable callbacks: moving the selection re-renders two rows, not the whole list.
  const openPane = useCallback(() => setPaneOpen(true), []);
  const onRowAction = useStableCallback((kind: DialogKind, row: InboxRow) => openDialog(kind, row));
  const onRowAssign = useStableCallback(
    (row: InboxRow, repId: string, repName: string) => void askReassign(row, repId, repName),
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={
          managing
            ? t("subtitleManager", { open, accepted, past })
            : t("subtitleRep", { open, accepted, past })
        }
        actions={
          <span className="hidden sm:block">
            <Button variant="secondary" onClick={() => setHelp(true)} aria-keyshortcuts="?">
              {t("shortcuts.button")}
            </Button>
          </span>
        }
      />
      {managing && <Breaches clock={clock} initial={notifications} />}
      <InboxFilters
        managing={managing}
        filter={filter}
        onFilter={setFilter}
        reps={reps.data ?? []}
        showPrediction={showPrediction}
        onShowPrediction={setShowPrediction}
      />
      {pendingAssign.pending && (
        <div
          role="status"
          className="mb-4 flex flex-wrap items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
          data-testid="reassign-pending"
        >
          <span>
            {t("reassign.pending", {
              name: pendingAssign.pending.name,
              rep: pendingAssign.pending.action.repName,
              seconds: pendingAssign.secondsLeft,
            })}
          </span>
          <Button
            variant="secondary"
            className="min-h-8 py-1 text-xs"
            onClick={() => {
              const name = pendingAssign.pending?.name ?? "";
              pendingAssign.undo();
              setMessage({ tone: "ok", text: t("reassign.undone", { name }) });
            }}
            data-testid="reassign-undo"
          >
            {t("reassign.undo")}
          </Button>
        </div>
      )}
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
        <InboxList
          rows={rows}
          complete={!partial}
          selectedId={selectedId}
          activeId={selected?.id ?? null}
          managing={managing}
          showPrediction={showPrediction}
          reps={reps.data ?? NO_REPS}
          clock={clock}
          fetching={inbox.isFetching}
          error={inbox.isError ? inbox.error : null}
          registerRow={registerRow}
          onSelect={setSelectedId}
          onOpen={openPane}
          onAction={onRowAction}
          onAssign={onRowAssign}
        />
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
        pending={action.isPending}
        error={dialogError}
        onClose={closeDialog}
        onSubmit={(a) => run(a, dialog?.lead.name ?? "", true)}
      />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
      {confirmDialog}
    </>
  );
}
