import { useEffect, useRef } from "react";
import type { DialogKind } from "./action-dialogs";

/**
 * The inbox's keys, listed in shortcuts-dialog.tsx: j/k or the arrows move, Home or g g to the
 * first lead, End or G (shift+g) to the last, Enter opens the pane,
 * Escape closes it, t/a/q/r/d open an action, ? the help. Ignored while a dialog is open, with a
 * modifier, or when typing (or on a slider, whose arrows are its own).
 */
export function useInboxShortcuts({
  blocked,
  hasSelection,
  move,
  jump,
  openDialog,
  setPaneOpen,
  setHelp,
}: {
  blocked: boolean;
  hasSelection: boolean;
  move: (delta: number) => void;
  jump: (to: 0 | -1) => void;
  openDialog: (kind: DialogKind) => void;
  setPaneOpen: (open: boolean) => void;
  setHelp: (open: boolean) => void;
}) {
  // When the last key was a lone "g": a second one within a second jumps to the top.
  const lastG = useRef(0);
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
      if (key === "g") {
        const now = Date.now();
        const second = now - lastG.current < 1000;
        lastG.current = second ? 0 : now;
        e.preventDefault();
        if (second) jump(0);
        return;
      }
      lastG.current = 0;
      const map: Record<string, () => void> = {
        j: () => move(1),
        ArrowDown: () => move(1),
        k: () => move(-1),
        ArrowUp: () => move(-1),
        Home: () => jump(0),
        End: () => jump(-1),
        G: () => jump(-1),
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
  }, [blocked, hasSelection, move, jump, openDialog, setPaneOpen, setHelp]);
}
