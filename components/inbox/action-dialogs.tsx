"use client";

/** The rep's actions as small forms: log a touch, accept with BANT, qualify, reject or disqualify with a reason. */
import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";
import type { Reason } from "@/lib/client/queries/settings";
import { AcceptForm } from "./accept-form";
import { DialogFooter } from "./dialog-parts";
import { QualifyForm } from "./qualify-form";
import { ReasonForm } from "./reason-form";
import { TouchForm } from "./touch-form";
import type { Action } from "./use-inbox";

export type DialogKind = "touch" | "accept" | "reject" | "disqualify" | "qualify";
/** The lead acted on; `touches` (its running SLA clock's) tells which reasons are allowed yet. */
export type DialogLead = {
  id: string;
  name: string;
  touches: { done: number; required: number } | null;
};
type Props = {
  kind: DialogKind | null;
  lead: DialogLead | null;
  reasons: Reason[];
  /** The action is on its way: the form stays as typed, its submit button waits. */
  pending: boolean;
  /** Why the server refused it, shown in the dialog above the form the rep can fix. */
  error: string | null;
  onClose: () => void;
  onSubmit: (action: Action) => void;
};

export function ActionDialog({ kind, lead, reasons, pending, error, onClose, onSubmit }: Props) {
  const t = useTranslations("inbox.dialogs");
  if (!kind || !lead) return null;
  const form = `${kind}-form`;
  return (
    <Dialog
      open
      onClose={onClose}
      title={t(`titles.${kind}`, { name: lead.name })}
      labelledBy="action-title"
      footer={
        <DialogFooter
          onClose={onClose}
          submitLabel={t(`submit.${kind}`)}
          form={form}
          pending={pending}
        />
      }
    >
      {error && (
        <p
          role="alert"
          className="mb-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200"
          data-testid="dialog-error"
        >
          {error}
        </p>
      )}
      {kind === "touch" && <TouchForm lead={lead} onSubmit={onSubmit} />}
      {kind === "accept" && <AcceptForm lead={lead} onSubmit={onSubmit} />}
      {(kind === "reject" || kind === "disqualify") && (
        <ReasonForm
          kind={kind}
          lead={lead}
          touches={lead.touches}
          reasons={reasons}
          onSubmit={onSubmit}
        />
      )}
      {kind === "qualify" && <QualifyForm lead={lead} onSubmit={onSubmit} />}
    </Dialog>
  );
}
