"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/client/api";
import { restoreVersion, scoringQueries, type Draft } from "@/lib/client/queries/scoring";

/** Asks before a version replaces the draft, saying whose unpublished work would be lost. */
export function RestoreDialog({
  version,
  draft,
  onClose,
  onRestored,
}: {
  version: number | null;
  draft: Draft | null;
  onClose: () => void;
  onRestored: (version: number) => void;
}) {
  const t = useTranslations("history.restore");
  const format = useFormatter();
  const client = useQueryClient();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const restore = useMutation({
    mutationFn: restoreVersion,
    onSuccess: (data) => {
      const { queryKey } = scoringQueries.draft();
      client.setQueryData(queryKey, data);
      client.invalidateQueries({ queryKey });
      onRestored(data.restoredFrom);
    },
  });
  const { reset } = restore;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (version !== null && !dialog.open) {
      reset();
      dialog.showModal();
    }
    if (version === null && dialog.open) dialog.close();
  }, [version, reset]);

  const error =
    restore.error instanceof ApiError && restore.error.status === 403
      ? t("forbidden")
      : restore.error instanceof ApiError && restore.error.status === 404
        ? t("notFound")
        : restore.error
          ? t("error")
          : null;
  const savedDraft = draft?.updatedAt ? draft : null;
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(30rem,calc(100%-2rem))] rounded-xl bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      data-testid="restore-dialog"
    >
      {version !== null && (
        <div className="p-5">
          <h2 id={titleId} className="text-base font-semibold">
            {t("title", { version })}
          </h2>
          <div className="mt-2 space-y-2 text-sm text-slate-600">
            <p>{t("body", { version })}</p>
            <p className="font-medium text-amber-800">
              {savedDraft
                ? t("replaces", {
                    who: savedDraft.updatedBy ?? "—",
                    date: format.dateTime(new Date(savedDraft.updatedAt!), {
                      dateStyle: "medium",
                      timeStyle: "short",
                    }),
                  })
                : t("replacesNoDraft")}
            </p>
            <p>{t("nothingLive")}</p>
          </div>
          {error && (
            <p role="alert" className="mt-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
              {error}
            </p>
          )}
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onClose} autoFocus>
              {t("cancel")}
            </Button>
            <Button
              onClick={() => restore.mutate(version)}
              disabled={restore.isPending}
              data-testid="restore-confirm"
            >
              {restore.isPending ? t("restoring") : t("confirm")}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
