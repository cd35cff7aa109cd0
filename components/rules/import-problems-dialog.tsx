"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export function ImportProblemsDialog({
  problems,
  onClose,
}: {
  /** What is wrong with the imported file; null: closed. */
  problems: string[] | null;
  onClose: () => void;
}) {
  const t = useTranslations("editor");
  return (
    <Dialog
      open={problems !== null}
      onClose={onClose}
      title={t("import.title")}
      labelledBy="import-title"
      footer={<Button onClick={onClose}>{t("import.close")}</Button>}
    >
      {problems && problems.length > 1 && (
        <p className="mb-2 text-sm text-slate-700">
          {t("import.invalid", { count: problems.length })}
        </p>
      )}
      <ul className="list-disc space-y-1 pl-5 text-sm text-rose-800" data-testid="import-problems">
        {problems?.map((p) => (
          <li key={p}>
            <code className="text-xs">{p}</code>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
