"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { controlClass } from "@/components/ui/field";
import { publishDraft, type Preview, type Published } from "@/lib/client/queries/scoring";
import { useApiErrorText } from "@/lib/client/use-api-error";

/** Confirms a publish: repeats the impact, asks for a note, shows progress while every lead is rescored. */
export function PublishDialog({
  open,
  onClose,
  preview,
  onPublished,
}: {
  open: boolean;
  onClose: () => void;
  preview: Preview | undefined;
  onPublished: (result: Published) => void;
}) {
  const t = useTranslations("editor.publish");
  const tp = useTranslations("editor.panel");
  const locale = useLocale();
  const errorText = useApiErrorText();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const publish = useMutation({
    mutationFn: () => publishDraft(note.trim()),
    onSuccess: (result) => {
      setNote("");
      onPublished(result);
    },
  });
  useEffect(() => {
    if (!publish.isPending) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => {
      clearInterval(timer);
      setElapsed(0);
    };
  }, [publish.isPending]);
  const submit = () => {
    if (note.trim().length < 3) {
      setNoteError(true);
      document.getElementById("publish-note")?.focus();
      return;
    }
    setNoteError(false);
    publish.mutate();
  };
  return (
    <Dialog
      open={open}
      onClose={() => !publish.isPending && onClose()}
      title={t("title")}
      labelledBy="publish-title"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={publish.isPending}>
            {tp("cancel")}
          </Button>
          <Button onClick={submit} disabled={publish.isPending} data-testid="publish-confirm">
            {t("confirm")}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        {preview && (
          <p
            className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900 ring-1 ring-brand-200"
            data-testid="publish-summary"
          >
            {t("summary", {
              changed: n(preview.changed),
              newlyMql: n(preview.newlyMql),
              dropped: n(preview.droppedBelow),
            })}{" "}
            {t("handoffs", { count: preview.handoffs })}
          </p>
        )}
        <Field
          id="publish-note"
          label={t("note")}
          error={noteError ? t("noteRequired") : undefined}
        >
          <textarea
            id="publish-note"
            rows={3}
            className={controlClass}
            value={note}
            placeholder={t("notePlaceholder")}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? "publish-note-error" : undefined}
            disabled={publish.isPending}
          />
        </Field>
        {publish.isPending && (
          <div role="status" aria-live="polite" data-testid="publish-progress">
            <p className="mb-1 text-sm text-slate-700">{t("progress", { seconds: elapsed })}</p>
            <div className="h-1.5 overflow-hidden rounded-full bg-slate-100">
              <div className="h-full w-1/3 animate-[progress_1.2s_ease-in-out_infinite] rounded-full bg-brand-600" />
            </div>
          </div>
        )}
        {publish.isError && (
          <p role="alert" className="text-sm text-rose-700">
            {t("failed", { message: errorText(publish.error) })}
          </p>
        )}
      </div>
    </Dialog>
  );
}
