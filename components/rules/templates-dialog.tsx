"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { scoringModelSchema, type ScoringModel } from "@/lib/domain/scoring/model";
import { TEMPLATES, type TemplateId } from "@/lib/domain/scoring/templates";

export const TEMPLATE_LIST = (Object.keys(TEMPLATES) as TemplateId[]).map((id) => ({
  id,
  model: scoringModelSchema.parse(TEMPLATES[id]),
}));

/**
 * A template in the reader's language: its name, description, rule labels and band names (the
 * words a marketer reads and may edit; events, fields and values stay the codes they match).
 */
function useLocalizedTemplates() {
  const t = useTranslations("editor.templates.models");
  const say = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  return TEMPLATE_LIST.map(({ id, model }) => ({
    id,
    model: {
      ...model,
      name: say(`${id}.name`, model.name),
      description: say(`${id}.description`, model.description ?? ""),
      rules: model.rules.map((rule) => ({
        ...rule,
        label: say(`${id}.rules.${rule.id}`, rule.label),
      })),
      bands: model.bands.map((band, i) => ({ ...band, name: say(`${id}.bands.${i}`, band.name) })),
    },
  }));
}

export function TemplateCards({ onPick }: { onPick: (model: ScoringModel) => void }) {
  const t = useTranslations("editor.templates");
  const templates = useLocalizedTemplates();
  return (
    <ul className="grid gap-3 sm:grid-cols-2" data-testid="templates">
      {templates.map(({ id, model }) => (
        <li key={id} className="flex flex-col rounded-lg p-4 ring-1 ring-slate-200">
          <p className="font-medium text-slate-900">{model.name}</p>
          {model.description && (
            <p className="mt-1 flex-1 text-sm text-slate-600">{model.description}</p>
          )}
          <p className="mt-2 text-xs text-slate-500">
            {t("rules", {
              fit: model.rules.filter((r) => r.kind === "attribute").length,
              engagement: model.rules.filter((r) => r.kind === "event").length,
              threshold: model.mqlThreshold,
            })}
          </p>
          <Button
            variant="secondary"
            className="mt-3 self-start"
            onClick={() => onPick(model)}
            aria-label={`${t("load")}: ${model.name}`}
          >
            {t("load")}
          </Button>
        </li>
      ))}
    </ul>
  );
}

export function TemplatesDialog({
  open,
  onClose,
  onPick,
}: {
  open: boolean;
  onClose: () => void;
  onPick: (model: ScoringModel) => void;
}) {
  const t = useTranslations("editor.templates");
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("title")}
      description={t("intro")}
      labelledBy="templates-title"
      className="sm:max-w-2xl"
    >
      <TemplateCards onPick={onPick} />
    </Dialog>
  );
}
