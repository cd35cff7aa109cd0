"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export type ShownSecret = { kind: "created" | "rotated"; value: string; previousUntil?: string };

/** The signing secret, once: after this dialog closes, only its prefix is ever shown again. */
export function SecretDialog({
  secret,
  onClose,
}: {
  secret: ShownSecret | null;
  onClose: () => void;
}) {
  const t = useTranslations("webhooks.secret");
  const format = useFormatter();
  const [copied, setCopied] = useState(false);
  const close = () => {
    setCopied(false);
    onClose();
  };
  return (
    <Dialog
      open={secret !== null}
      onClose={close}
      labelledBy="webhook-secret-title"
      title={secret?.kind === "rotated" ? t("rotatedTitle") : t("createdTitle")}
      footer={<Button onClick={close}>{t("done")}</Button>}
    >
      {secret && (
        <div className="space-y-3" data-testid="webhook-secret">
          <p className="text-sm text-slate-700">{t("body")}</p>
          {secret.previousUntil && (
            <p className="text-sm text-slate-700">
              {t("rotatedBody", {
                until: format.dateTime(new Date(secret.previousUntil), {
                  dateStyle: "medium",
                  timeStyle: "short",
                }),
              })}
            </p>
          )}
          <div>
            <p className="mb-1 text-xs font-medium text-slate-600">{t("label")}</p>
            <div className="flex flex-wrap items-center gap-2">
              <code
                className="max-w-full rounded bg-slate-50 px-2 py-1.5 text-xs break-all text-slate-900 ring-1 ring-slate-200"
                data-testid="webhook-secret-value"
              >
                {secret.value}
              </code>
              <Button
                variant="secondary"
                className="min-h-8 px-3 py-1 text-xs"
                onClick={async () => {
                  await navigator.clipboard?.writeText(secret.value).catch(() => {});
                  setCopied(true);
                }}
              >
                {copied ? t("copied") : t("copy")}
              </Button>
              <span role="status" className="sr-only">
                {copied ? t("copied") : ""}
              </span>
            </div>
          </div>
        </div>
      )}
    </Dialog>
  );
}
