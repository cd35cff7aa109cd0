"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { AppClock } from "./sla-countdown";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useApiErrorText } from "@/lib/client/use-api-error";
import type { InboxRow } from "@/lib/client/queries/inbox";
import type { RepLoad } from "@/lib/client/queries/inbox";
import type { DialogKind } from "./action-dialogs";
import { InboxRowItem } from "./inbox-row";

/**
 * Rows drawn by the server and hydrated before anything else: enough to fill a tall screen. The
 * rest follow right after, a slice per task, so a queue of 500 MQLs answers `j` as soon as its
 * first screen is there instead of after 500 rows were sent, parsed and hydrated, and a key
 * pressed meanwhile is handled between two slices.
 */
const FIRST_ROWS = 40;
const MORE_ROWS = 80;

/** How many rows to draw: the first screen at first, then more each task until all are drawn. */
function useShownRows(total: number, selectedIndex: number): number {
  const [drawn, setDrawn] = useState(FIRST_ROWS);
  useEffect(() => {
    if (drawn >= total) return;
    const next = setTimeout(() => setDrawn((n) => n + MORE_ROWS), 0);
    return () => clearTimeout(next);
  }, [drawn, total]);
  return Math.min(total, Math.max(drawn, selectedIndex + 1));
}

/**
 * The rows as a plain list: each row holds its own buttons, so the list is not a listbox (an
 * option may not contain buttons). The selected row is `aria-current` and announced when it
 * changes; the polling status sits under the list.
 */
export function InboxList({
  rows,
  complete,
  selectedId,
  activeId,
  managing,
  showPrediction,
  reps,
  clock,
  fetching,
  error,
  registerRow,
  onSelect,
  onOpen,
  onAction,
  onAssign,
}: {
  rows: InboxRow[];
  /** False while only the first rows of the list have arrived. */
  complete: boolean;
  selectedId: string | null;
  /** The selected row's id once it is in the list. */
  activeId: string | null;
  managing: boolean;
  showPrediction: boolean;
  reps: RepLoad[];
  clock: AppClock;
  fetching: boolean;
  error: Error | null;
  registerRow: (id: string, el: HTMLLIElement | null) => void;
  onSelect: (id: string) => void;
  onOpen: () => void;
  onAction: (kind: DialogKind, row: InboxRow) => void;
  onAssign: (row: InboxRow, repId: string, repName: string) => void;
}) {
  const t = useTranslations("inbox");
  const errorText = useApiErrorText();
  const activeIndex = rows.findIndex((r) => r.id === activeId);
  const active = activeIndex >= 0 ? rows[activeIndex] : null;
  const shown = useShownRows(
    rows.length,
    rows.findIndex((r) => r.id === selectedId),
  );
  return (
    <Card className="self-start overflow-hidden" aria-busy={fetching}>
      {error && (
        <p className="px-4 py-3 text-sm text-rose-700">
          {t("loadFailed", { message: errorText(error) })}
        </p>
      )}
      {rows.length === 0 ? (
        <EmptyState
          title={managing ? t("empty.managerTitle") : t("empty.repTitle")}
          body={managing ? t("empty.managerBody") : t("empty.repBody")}
        />
      ) : (
        <ul
          aria-label={t("listLabel")}
          className="divide-y divide-slate-100"
          data-testid="inbox-list"
          data-complete={complete && shown === rows.length}
        >
          {rows.slice(0, shown).map((row) => (
            <InboxRowItem
              key={row.id}
              row={row}
              selected={row.id === selectedId}
              clock={clock}
              managing={managing}
              showPrediction={showPrediction}
              reps={reps}
              registerRow={registerRow}
              onSelect={onSelect}
              onOpen={onOpen}
              onAction={onAction}
              onAssign={onAssign}
            />
          ))}
        </ul>
      )}
      <p className="sr-only" aria-live="polite" data-testid="selection-announcement">
        {active
          ? t("selectedLead", { name: active.name, position: activeIndex + 1, count: rows.length })
          : ""}
      </p>
      <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600" aria-live="polite">
        {fetching ? t("refreshing") : t("refreshed")}
      </p>
    </Card>
  );
}
