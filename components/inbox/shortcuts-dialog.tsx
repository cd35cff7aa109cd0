"use client";

import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { Dialog } from "@/components/ui/dialog";

// Must match the keys use-inbox-shortcuts.ts handles.
const SHORTCUTS = [
  ["j / k", "move"],
  ["Home / g g", "first"],
  ["End / G", "last"],
  ["Enter", "open"],
  ["t", "touch"],
  ["a", "accept"],
  ["q", "qualify"],
  ["r", "reject"],
  ["d", "disqualify"],
  ["Esc", "close"],
  ["?", "help"],
] as const;

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("inbox");
  return (
    <Dialog open={open} onClose={onClose} title={t("shortcuts.title")} labelledBy="shortcuts-title">
      <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 text-sm" data-testid="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <Fragment key={keys}>
            <dt>
              <kbd className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 ring-1 ring-slate-300">
                {keys}
              </kbd>
            </dt>
            <dd className="text-slate-700">{t(`shortcuts.${what}`)}</dd>
          </Fragment>
        ))}
      </dl>
    </Dialog>
  );
}
