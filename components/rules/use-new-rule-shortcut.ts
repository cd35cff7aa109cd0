import { useEffect } from "react";

/** N adds an engagement rule, unless a field has focus or something else (a dialog) is open. */
export function useNewRuleShortcut(enabled: boolean, blocked: boolean, onNew: () => void) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key.toLowerCase() !== "n" || e.metaKey || e.ctrlKey || e.altKey || blocked) return;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable)
        return;
      e.preventDefault();
      onNew();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled, blocked, onNew]);
}
