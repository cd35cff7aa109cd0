"use client";

import { useTranslations } from "next-intl";
import type { InboxRow, RepLoad } from "@/lib/client/queries/inbox";

/** A manager picks another rep; the view asks to confirm before anything changes. */
export function ReassignMenu({
  row,
  reps,
  onAssign,
}: {
  row: InboxRow;
  reps: RepLoad[];
  onAssign: (repId: string, repName: string) => void;
}) {
  const t = useTranslations("inbox.actions");
  return (
    <select
      aria-label={t("reassignLabel", { name: row.name })}
      className="ml-1 max-w-40 rounded border-0 bg-white py-0.5 pr-7 pl-2 text-xs text-slate-800 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
      value=""
      onChange={(e) => {
        const rep = reps.find((r) => r.id === e.target.value);
        if (rep) onAssign(rep.id, rep.name);
      }}
      data-testid="reassign"
    >
      <option value="">{t("reassign")}</option>
      {reps
        .filter((r) => r.id !== row.owner?.id)
        .map((r) => (
          <option key={r.id} value={r.id}>
            {t("reassignTo", { name: r.name, open: r.open, capacity: r.capacity })}
          </option>
        ))}
    </select>
  );
}
