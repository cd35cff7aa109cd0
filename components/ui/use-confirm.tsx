"use client";

/**
 * Asking before something that cannot be taken back, in the app's own dialog (never the
 * browser's `confirm()`, which cannot be styled, translated or read the same way by a screen
 * reader): `const [confirm, dialog] = useConfirm()`, render `dialog`, then
 * `if (await confirm({ title, body, action, danger })) …`. The dialog is labelled by its title and
 * described by its body; Escape or a click outside answers no; focus stays inside until answered
 * and starts on Cancel when `danger` (the act cannot be undone), on the action otherwise.
 */
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

export type ConfirmRequest = {
  title: string;
  body?: ReactNode;
  /** The confirming button's words: what will happen ("Delete the endpoint"). */
  action: string;
  danger?: boolean;
};

export function useConfirm(): [(request: ConfirmRequest) => Promise<boolean>, ReactNode] {
  const t = useTranslations("common");
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const confirm = useCallback(
    (next: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        answer.current?.(false);
        answer.current = resolve;
        setRequest(next);
      }),
    [],
  );
  // After the dialog has opened (its effect runs before this one): the safe choice first when the
  // act cannot be undone, so a stray Enter never destroys anything.
  useEffect(() => {
    if (!request) return;
    const frame = requestAnimationFrame(() =>
      document.getElementById(request.danger ? "confirm-cancel" : "confirm-action")?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [request]);
  const settle = (yes: boolean) => {
    answer.current?.(yes);
    answer.current = null;
    setRequest(null);
  };
  const dialog = (
    <Dialog
      open={request !== null}
      onClose={() => settle(false)}
      title={request?.title ?? ""}
      labelledBy="confirm-title"
      describedBy={request?.body ? "confirm-body" : undefined}
      footer={
        <>
          <Button variant="secondary" onClick={() => settle(false)} id="confirm-cancel">
            {t("cancel")}
          </Button>
          <Button
            variant={request?.danger ? "danger" : "primary"}
            onClick={() => settle(true)}
            data-testid="confirm-action"
            id="confirm-action"
          >
            {request?.action}
          </Button>
        </>
      }
    >
      {request?.body && (
        <div id="confirm-body" className="text-sm text-slate-700">
          {request.body}
        </div>
      )}
    </Dialog>
  );
  return [confirm, dialog];
}
