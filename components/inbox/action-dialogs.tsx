"use client";

/** The rep's four actions as small forms: log a touch, accept with BANT, reject or disqualify with a reason. */
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { controlClass, Field, Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { TOUCH_CHANNELS, TOUCH_OUTCOMES } from "@/lib/shared/vocabulary";
import type { ReasonView } from "@/lib/domain/reasons/list-reasons";
import type { Action } from "./use-inbox";

export type DialogKind = "touch" | "accept" | "reject" | "disqualify" | "qualify";
type Props = {
  kind: DialogKind | null;
  lead: { id: string; name: string } | null;
  reasons: ReasonView[];
  onClose: () => void;
  onSubmit: (action: Action) => void;
};

const BANT = ["budget", "authority", "need", "timeframe"] as const;

/** Focus the form's first control once the dialog has opened (showModal runs after children mount). */
function useFirstFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return ref;
}

/** Enter submits from any control but a text area (radio buttons and selects included). */
function submitOnEnter(e: KeyboardEvent<HTMLFormElement>) {
  if (
    e.key !== "Enter" ||
    (e.target as HTMLElement).tagName === "TEXTAREA" ||
    (e.target as HTMLElement).tagName === "BUTTON"
  )
    return;
  e.preventDefault();
  e.currentTarget.requestSubmit();
}

export function reasonLabel(reason: ReasonView, locale: string): string {
  return locale === "fr" ? reason.labels.fr || reason.labels.en : reason.labels.en;
}

function Footer({
  onClose,
  submitLabel,
  form,
}: {
  onClose: () => void;
  submitLabel: string;
  form: string;
}) {
  const t = useTranslations("inbox.dialogs");
  return (
    <>
      <Button variant="secondary" onClick={onClose}>
        {t("cancel")}
      </Button>
      <Button type="submit" form={form} data-testid="dialog-submit">
        {submitLabel}
      </Button>
    </>
  );
}

function Note({
  value,
  onChange,
  id,
}: {
  value: string;
  onChange: (v: string) => void;
  id: string;
}) {
  const t = useTranslations("inbox.dialogs");
  return (
    <Field id={id} label={t("note")}>
      <textarea
        id={id}
        rows={2}
        className={controlClass}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t("notePlaceholder")}
      />
    </Field>
  );
}

function TouchForm({ lead, onSubmit }: { lead: { id: string }; onSubmit: Props["onSubmit"] }) {
  const t = useTranslations("inbox.dialogs");
  const [channel, setChannel] = useState<string>("call");
  const [outcome, setOutcome] = useState<string>("no_answer");
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
        <Select id="touch-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {TOUCH_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Note id="touch-note" value={note} onChange={setNote} />
    </form>
  );
}

function AcceptForm({ lead, onSubmit }: { lead: { id: string }; onSubmit: Props["onSubmit"] }) {
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
      <Note id="accept-note" value={note} onChange={setNote} />
    </form>
  );
}

function ReasonForm({
  kind,
  lead,
  reasons,
  onSubmit,
}: {
  kind: "reject" | "disqualify";
  lead: { id: string };
  reasons: ReasonView[];
  onSubmit: Props["onSubmit"];
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
      <Note id={`${kind}-note`} value={note} onChange={setNote} />
    </form>
  );
}

function QualifyForm({ lead, onSubmit }: { lead: { id: string }; onSubmit: Props["onSubmit"] }) {
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
      <Note id="qualify-note" value={note} onChange={setNote} />
    </form>
  );
}

export function ActionDialog({ kind, lead, reasons, onClose, onSubmit }: Props) {
  const t = useTranslations("inbox.dialogs");
  if (!kind || !lead) return null;
  const form = `${kind}-form`;
  return (
    <Dialog
      open
      onClose={onClose}
      title={t(`titles.${kind}`, { name: lead.name })}
      labelledBy="action-title"
      footer={<Footer onClose={onClose} submitLabel={t(`submit.${kind}`)} form={form} />}
    >
      {kind === "touch" && <TouchForm lead={lead} onSubmit={onSubmit} />}
      {kind === "accept" && <AcceptForm lead={lead} onSubmit={onSubmit} />}
      {(kind === "reject" || kind === "disqualify") && (
        <ReasonForm kind={kind} lead={lead} reasons={reasons} onSubmit={onSubmit} />
      )}
      {kind === "qualify" && <QualifyForm lead={lead} onSubmit={onSubmit} />}
    </Dialog>
  );
}
