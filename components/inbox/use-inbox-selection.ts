import { useCallback, useEffect, useRef, useState } from "react";
import type { InboxRow } from "@/lib/client/queries/inbox";

/**
 * The selected row, kept across polls: the same lead if still there, else the row now at its
 * position. `move` steps through the list, `jump` goes to its ends; both scroll the row into view.
 */
export function useInboxSelection(rows: InboxRow[]) {
  const [selectedId, setSelectedId] = useState<string | null>(rows[0]?.id ?? null);
  const lastIndex = useRef(0);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());

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

  /** To the first row (0) or the last (-1), scrolled into view. */
  const jump = useCallback(
    (to: 0 | -1) => {
      if (!rows.length) return;
      const next = to === 0 ? rows[0] : rows[rows.length - 1];
      setSelectedId(next.id);
      rowRefs.current.get(next.id)?.scrollIntoView({ block: "nearest" });
    },
    [rows],
  );

  const registerRow = useCallback((id: string, el: HTMLLIElement | null) => {
    if (el) rowRefs.current.set(id, el);
    else rowRefs.current.delete(id);
  }, []);

  return { selectedId, setSelectedId, selected, move, jump, registerRow };
}
