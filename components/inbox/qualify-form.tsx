"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { NoteField } from "./dialog-parts";
import type { Action } from "./use-inbox";

export function QualifyForm({
  lead,
  onSubmit,
}: {
  lead: { id: string };
  onSubmit: (action: Action) => void;
}) {
  const t = useTranslations("inbox.dialogs");
  const [note, setNote] = useState("");
  return (
    <form
      id="qualify-form"
      onSubmit={(e) => (
        e.preventDefault(),
        onSubmit({
          type: "decide",
          leadId: lead.id,
          body: { kind: "qualify", ...(note.trim() ? { note: note.trim() } : {}) },
        })
      )}
      className="space-y-3"
    >
      <p className="text-sm text-slate-600">{t("qualifyIntro")}</p>
      <NoteField id="qualify-note" value={note} onChange={setNote} />
    </form>
  );
}
