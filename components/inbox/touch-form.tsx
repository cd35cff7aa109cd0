"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { cn } from "@/components/ui/cn";
import { Field, Select } from "@/components/ui/field";
import {
  TOUCH_CHANNELS,
  TOUCH_OUTCOMES,
  type TouchChannel,
  type TouchOutcome,
} from "@/lib/shared/vocabulary";
import { NoteField } from "./dialog-parts";
import { submitOnEnter } from "./submit-on-enter";
import { useFirstFocus } from "./use-first-focus";
import type { Action } from "./use-inbox";

/** Log a touch: the channel, how it went, and a note. */
export function TouchForm({
  lead,
  onSubmit,
}: {
  lead: { id: string };
  onSubmit: (action: Action) => void;
}) {
  const t = useTranslations("inbox.dialogs");
  const [channel, setChannel] = useState<TouchChannel>("call");
  const [outcome, setOutcome] = useState<TouchOutcome>("no_answer");
  const [note, setNote] = useState("");
  const first = useFirstFocus<HTMLInputElement>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      type: "touch",
      leadId: lead.id,
      body: { channel, outcome, ...(note.trim() ? { note: note.trim() } : {}) },
    });
  };
  return (
    <form id="touch-form" onSubmit={submit} onKeyDown={submitOnEnter} className="space-y-4">
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("channel")}</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" role="radiogroup">
          {TOUCH_CHANNELS.map((c) => (
            <label
              key={c}
              className={cn(
                "flex cursor-pointer items-center justify-center rounded-lg px-3 py-2 text-sm ring-1 ring-inset has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600",
                channel === c
                  ? "bg-brand-50 font-medium text-brand-900 ring-brand-300"
                  : "ring-slate-200 hover:bg-slate-50",
              )}
            >
              <input
                ref={channel === c ? first : undefined}
                type="radio"
                name="channel"
                className="sr-only"
                checked={channel === c}
                onChange={() => setChannel(c)}
              />
              {t(`channels.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="touch-outcome" label={t("outcome")}>
        <Select
          id="touch-outcome"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as TouchOutcome)}
        >
          {TOUCH_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </Select>
      </Field>
      <NoteField id="touch-note" value={note} onChange={setNote} />
    </form>
  );
}
