"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { controlClass } from "@/components/ui/field";
import { JobProgress } from "@/components/ui/job-progress";
import type { Preview } from "@/lib/client/queries/scoring";
import { useApiErrorText } from "@/lib/client/use-api-error";
import type { PublishState } from "./use-publish";

/** What the dialog says the publish will do, by how the preview scored the draft. */
const INTRO = { earnings: "introDerived", mixed: "introMixed", events: "intro" } as const;

/**
 * Confirms a publish: repeats the impact, asks for a note, then shows the job's progress (leads
 * rescored / total). It may be closed meanwhile: the editor keeps working and shows the progress.
 */
export function PublishDialog({
  open,
  onClose,
  preview,
  publish,
}: {
  open: boolean;
  onClose: () => void;
  preview: Preview | undefined;
  publish: PublishState;
}) {
  const t = useTranslations("editor.publish");
  const tp = useTranslations("editor.panel");
  const locale = useLocale();
  const errorText = useApiErrorText();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState(false);
  const submit = () => {
    if (note.trim().length < 3) {
      setNoteError(true);
      document.getElementById("publish-note")?.focus();
      return;
    }
    setNoteError(false);
    publish.start(note.trim());
    setNote("");
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("title")}
      labelledBy="publish-title"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} data-testid="publish-close">
            {publish.running ? t("keepEditing") : tp("cancel")}
          </Button>
          <Button onClick={submit} disabled={publish.running} data-testid="publish-confirm">
            {t("confirm")}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <p className="text-sm text-slate-700" data-testid="publish-intro">
          {t(INTRO[preview?.scoredFrom ?? "events"])}
        </p>
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
            disabled={publish.running}
          />
        </Field>
        {publish.running && <PublishProgress publish={publish} />}
        {publish.error && (
          <p role="alert" className="text-sm text-rose-700">
            {t("failed", { message: errorText(publish.error) })}
          </p>
        )}
        {publish.failed && (
          <p role="alert" className="text-sm text-rose-700">
            {t("failed", { message: publish.failed.error ?? "" })}
          </p>
        )}
      </div>
    </Dialog>
  );
}

/** The publish job's progress bar, in the dialog and in the editor once the dialog is closed. */
export function PublishProgress({ publish }: { publish: PublishState }) {
  const t = useTranslations("editor.publish");
  return (
    <div role="status" aria-live="polite" className="space-y-1" data-testid="publish-progress">
      <JobProgress job={publish.job} label={t("progress")} />
      <p className="text-xs text-slate-600">{t("progressHint")}</p>
    </div>
  );
}
