"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { cn } from "@/components/ui/cn";
import type { Reason } from "@/lib/client/queries/settings";
import { NoteField } from "./dialog-parts";
import { reasonLabel } from "./reason-label";
import { submitOnEnter } from "./submit-on-enter";
import { useFirstFocus } from "./use-first-focus";
import type { Action } from "./use-inbox";

/** Reject or disqualify: one of the active reasons of that kind is required. */
export function ReasonForm({
  kind,
  lead,
  reasons,
  onSubmit,
}: {
  kind: "reject" | "disqualify";
  lead: { id: string };
  reasons: Reason[];
  onSubmit: (action: Action) => void;
}) {
  const t = useTranslations("inbox.dialogs");
  const locale = useLocale();
  const list = reasons.filter((r) => r.kind === kind && !r.archived);
  const [code, setCode] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState(false);
  const first = useFirstFocus<HTMLInputElement>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!code) {
      setError(true);
      return;
    }
    onSubmit({
      type: "decide",
      leadId: lead.id,
      body: { kind, reasonCode: code, ...(note.trim() ? { note: note.trim() } : {}) },
    });
  };
  return (
    <form
      id={`${kind}-form`}
      onSubmit={submit}
      onKeyDown={submitOnEnter}
      className="space-y-4"
      noValidate
    >
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("reason")}</legend>
        <div className="space-y-1.5" role="radiogroup" aria-invalid={error ? true : undefined}>
          {list.map((r, i) => (
            <label
              key={r.code}
              className={cn(
                "flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-inset has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600",
                code === r.code
                  ? "bg-brand-50 text-brand-900 ring-brand-300"
                  : "ring-slate-200 hover:bg-slate-50",
              )}
            >
              <input
                ref={i === 0 ? first : undefined}
                type="radio"
                name="reason"
                value={r.code}
                checked={code === r.code}
                onChange={() => setCode(r.code)}
                className="size-4 text-brand-600"
              />
              {reasonLabel(r, locale)}
            </label>
          ))}
        </div>
        {error && <p className="mt-1 text-sm text-rose-700">{t("reasonMissing")}</p>}
        {kind === "reject" && <p className="mt-2 text-xs text-slate-500">{t("rejectHint")}</p>}
      </fieldset>
      <NoteField id={`${kind}-note`} value={note} onChange={setNote} />
    </form>
  );
}
