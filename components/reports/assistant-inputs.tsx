"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/field";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { SmallField } from "./chart-frame";
import { JudgedModelSelect } from "./judged-model-select";
import { TargetSelect } from "./target-select";

/**
 * What the assistant aims for: the target stage, its conversion rate, optionally the reps' weekly
 * capacity — and the model judged (past handoffs are scored under it).
 */
export function AssistantInputs({
  model,
  onModel,
  target,
  onTarget,
  ratePct,
  onRatePct,
  capacity,
  onCapacity,
  capacityPlaceholder,
}: {
  model: "live" | "draft";
  onModel: (model: "live" | "draft") => void;
  target: OutcomeTarget;
  onTarget: (target: OutcomeTarget) => void;
  ratePct: number;
  onRatePct: (ratePct: number) => void;
  /** As typed; empty: the reps' own capacities. */
  capacity: string;
  onCapacity: (capacity: string) => void;
  capacityPlaceholder: string;
}) {
  const t = useTranslations("reports.assistant");
  return (
    <div className="flex flex-wrap items-end gap-3">
      <JudgedModelSelect value={model} onChange={onModel} testId="assistant-model" />
      <TargetSelect id="assistant-target" value={target} onChange={onTarget} />
      <SmallField label={t("targetRate")}>
        <Input
          type="number"
          min={1}
          max={100}
          step={0.5}
          className="w-24"
          value={ratePct}
          onChange={(e) => onRatePct(Number(e.target.value))}
          aria-invalid={!(ratePct > 0 && ratePct <= 100)}
          data-testid="assistant-rate"
        />
      </SmallField>
      <SmallField label={t("capacity")}>
        <Input
          type="number"
          min={1}
          className="w-28"
          placeholder={capacityPlaceholder}
          value={capacity}
          onChange={(e) => onCapacity(e.target.value)}
          data-testid="assistant-capacity"
        />
      </SmallField>
    </div>
  );
}
