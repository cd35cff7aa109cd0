"use client";

import type { ScoringModel } from "@/lib/domain/scoring/model";
import { ContentVelocity } from "./content-velocity";
import { ModelSettings } from "./model-settings";

// Each form keeps its own draft; the keys remount it when the saved model changes under it.
const settingsKey = ({ rules: _rules, ...settings }: ScoringModel) => JSON.stringify(settings);
const velocityKey = (model: ScoringModel) =>
  JSON.stringify(model.rules.filter((r) => r.id.startsWith("content-")));

export function ModelTuning({
  model,
  editable,
  onApply,
}: {
  model: ScoringModel;
  editable: boolean;
  onApply: (model: ScoringModel) => void;
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ContentVelocity
        key={velocityKey(model)}
        model={model}
        editable={editable}
        onApply={onApply}
      />
      <ModelSettings key={settingsKey(model)} model={model} editable={editable} onApply={onApply} />
    </div>
  );
}
