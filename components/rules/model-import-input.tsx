"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { readModelFile } from "./model-file";

/** The hidden file picker behind the Import button: a valid model, or the problems found in it. */
export function ModelImportInput({
  ref,
  onModel,
  onProblems,
}: {
  ref: RefObject<HTMLInputElement | null>;
  onModel: (model: ScoringModel) => void;
  onProblems: (problems: string[]) => void;
}) {
  const t = useTranslations("editor");
  return (
    <input
      ref={ref}
      type="file"
      accept="application/json,.json"
      className="hidden"
      data-testid="import-file"
      onChange={async (e) => {
        const file = e.target.files?.[0];
        e.target.value = "";
        if (!file) return;
        const result = await readModelFile(file);
        if (result.ok) onModel(result.model);
        else onProblems(result.problems ?? [t("import.notJson")]);
      }}
    />
  );
}
