"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { controlClass, Field } from "@/components/ui/field";
import { NoteField } from "./dialog-parts";
import { submitOnEnter } from "./submit-on-enter";
import { useFirstFocus } from "./use-first-focus";
import type { Action } from "./use-inbox";

const BANT = ["budget", "authority", "need", "timeframe"] as const;

/** Accept: all four BANT answers are required. */
export function AcceptForm({
  lead,
  onSubmit,
}: {
  lead: { id: string };
  onSubmit: (action: Action) => void;
}) {
  const t = useTranslations("inbox.dialogs");
  const [bant, setBant] = useState({ budget: "", authority: "", need: "", timeframe: "" });
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState<string[]>([]);
  const first = useFirstFocus<HTMLInputElement>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = BANT.filter((k) => !bant[k].trim());
    setMissing(empty);
    if (empty.length) {
      document.getElementById(`bant-${empty[0]}`)?.focus();
      return;
    }
    onSubmit({
      type: "decide",
      leadId: lead.id,
      body: {
        kind: "accept",
        bant: {
          budget: bant.budget.trim(),
          authority: bant.authority.trim(),
          need: bant.need.trim(),
          timeframe: bant.timeframe.trim(),
        },
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
  };
  return (
    <form
      id="accept-form"
      onSubmit={submit}
      onKeyDown={submitOnEnter}
      className="space-y-3"
      noValidate
    >
      <p className="text-sm text-slate-600">{t("bantIntro")}</p>
      {BANT.map((k) => (
        <Field
          key={k}
          id={`bant-${k}`}
          label={t(`bant.${k}`)}
          hint={t(`bantHint.${k}`)}
          error={missing.includes(k) ? t("bantMissing") : undefined}
        >
          <input
            ref={k === "budget" ? first : undefined}
            id={`bant-${k}`}
            className={controlClass}
            value={bant[k]}
            onChange={(e) => setBant({ ...bant, [k]: e.target.value })}
            aria-invalid={missing.includes(k) ? true : undefined}
            maxLength={500}
          />
        </Field>
      ))}
      <NoteField id="accept-note" value={note} onChange={setNote} />
    </form>
  );
}
