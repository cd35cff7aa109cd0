import { useEffect } from "react";
import type { DialogKind } from "./action-dialogs";

/**
 * The inbox's keys, listed in shortcuts-dialog.tsx: j/k or the arrows move, Enter opens the pane,
 * Escape closes it, t/a/q/r/d open an action, ? the help. Ignored while a dialog is open, with a
 * modifier, or when typing (or on a slider, whose arrows are its own).
 */
export function useInboxShortcuts({
  blocked,
  hasSelection,
  move,
  openDialog,
  setPaneOpen,
  setHelp,
}: {
  blocked: boolean;
  hasSelection: boolean;
  move: (delta: number) => void;
  openDialog: (kind: DialogKind) => void;
  setPaneOpen: (open: boolean) => void;
  setHelp: (open: boolean) => void;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (blocked || e.metaKey || e.ctrlKey || e.altKey) return;
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
        Enter: () => hasSelection && setPaneOpen(true),
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
  }, [blocked, hasSelection, move, openDialog, setPaneOpen, setHelp]);
}
