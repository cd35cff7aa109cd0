"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { useTemplateWords } from "@/lib/client/use-template-words";
import { downloadModel } from "./model-file";

export function EditorHeader({
  model,
  canWrite,
  canPublish,
  onTemplates,
  onImport,
  onPublish,
}: {
  model: ScoringModel;
  canWrite: boolean;
  canPublish: boolean;
  onTemplates: () => void;
  onImport: () => void;
  onPublish: () => void;
}) {
  const t = useTranslations("editor");
  const words = useTemplateWords();
  return (
    <PageHeader
      title={t("title")}
      subtitle={words.name(model.name)}
      actions={
        <>
          {canWrite && (
            <>
              <Button variant="secondary" onClick={onTemplates}>
                {t("actions.templates")}
              </Button>
              <Button variant="secondary" onClick={onImport}>
                {t("actions.import")}
              </Button>
            </>
          )}
          <Button variant="secondary" onClick={() => downloadModel(model)}>
            {t("actions.export")}
          </Button>
          <Link href="/rules/history" className={buttonClass("secondary")}>
            {t("actions.history")}
          </Link>
          {canWrite && (
            <Button onClick={onPublish} disabled={!canPublish} data-testid="publish">
              {t("actions.publish")}
            </Button>
          )}
        </>
      }
    />
  );
}
