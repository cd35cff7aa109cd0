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

/** The one reason with a rule before it is allowed (lib/domain/decisions/decide-lead.ts). */
const NEEDS_TOUCHES = "no_response";

/**
 * Reject or disqualify: one of the active reasons of that kind is required. "No response" is
 * disabled, with its rule said, until the SLA's minimum touches are logged (the server checks it
 * again and its refusal shows in the dialog).
 */
export function ReasonForm({
  kind,
  lead,
  touches,
  reasons,
  onSubmit,
}: {
  kind: "reject" | "disqualify";
  lead: { id: string };
  touches: { done: number; required: number } | null;
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
          {list.map((r, i) => {
            const blocked =
              kind === "reject" &&
              r.code === NEEDS_TOUCHES &&
              touches !== null &&
              touches.done < touches.required;
            const ruleId = `${kind}-${r.code}-rule`;
            return (
              <label
                key={r.code}
                className={cn(
                  "flex items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-inset has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600",
                  blocked
                    ? "cursor-not-allowed bg-slate-50 text-slate-600 ring-slate-200"
                    : code === r.code
                      ? "cursor-pointer bg-brand-50 text-brand-900 ring-brand-300"
                      : "cursor-pointer ring-slate-200 hover:bg-slate-50",
                )}
              >
                <input
                  ref={i === 0 ? first : undefined}
                  type="radio"
                  name="reason"
                  value={r.code}
                  checked={code === r.code}
                  disabled={blocked}
                  aria-describedby={blocked ? ruleId : undefined}
                  onChange={() => setCode(r.code)}
                  className="size-4 text-brand-600"
                />
                <span className="min-w-0 flex-1">{reasonLabel(r, locale)}</span>
                {blocked && (
                  <span id={ruleId} className="text-xs text-slate-600" data-testid="reason-rule">
                    {t("needsTouches", { required: touches.required, done: touches.done })}
                  </span>
                )}
              </label>
            );
          })}
        </div>
        {error && <p className="mt-1 text-sm text-rose-700">{t("reasonMissing")}</p>}
        {kind === "reject" && <p className="mt-2 text-xs text-slate-500">{t("rejectHint")}</p>}
      </fieldset>
      <NoteField id={`${kind}-note`} value={note} onChange={setNote} />
    </form>
  );
}
