/**
 * The threshold designer's editable state, as strings where a person types, and its conversion to
 * the model document. Errors are message keys of the `thresholds` namespace (condition errors are
 * keys of the `editor` namespace, prefixed "editor:"). The server validates again with the schema.
 */
import { scoringModelSchema, type ScoringModel } from "@/lib/domain/scoring/model";
import {
  conditionDraft,
  conditionErrors,
  conditionValue,
  isNumericField,
  type ConditionDraft,
  type RuleErrors,
} from "@/components/rules/validate-rule";

export type BandRow = { name: string; min: string; track: string };
export type Exclusion = { field: string } & ConditionDraft;
export type ThresholdForm = {
  threshold: string;
  bands: BandRow[];
  exclude: Exclusion[];
  required: string[];
  cooldownDays: string;
  minNewEngagement: string;
};
export type FormErrors = Record<string, string>;

const isNumber = (s: string) => s.trim() !== "" && Number.isFinite(Number(s));
const isWhole = (s: string) => isNumber(s) && Number.isInteger(Number(s));

export function formFromModel(m: ScoringModel): ThresholdForm {
  return {
    threshold: String(m.mqlThreshold),
    bands: m.bands.map((b) => ({
      name: b.name,
      min: String(b.min),
      track: m.nurtureTracks[b.name] ?? "",
    })),
    exclude: m.fitGate.exclude.map((c) => ({ field: c.field, ...conditionDraft(c) })),
    required: [...m.requiredFields],
    cooldownDays: String(m.recycle.cooldownDays),
    minNewEngagement: String(m.recycle.minNewEngagement),
  };
}

export function formErrors(f: ThresholdForm): FormErrors {
  const errors: FormErrors = {};
  if (!isNumber(f.threshold)) errors.threshold = "errors.number";
  f.bands.forEach((b, i) => {
    if (!b.name.trim()) errors[`bands.${i}.name`] = "errors.bandName";
    else if (f.bands.findIndex((o) => o.name.trim() === b.name.trim()) !== i)
      errors[`bands.${i}.name`] = "errors.bandNameTaken";
    if (!isNumber(b.min)) errors[`bands.${i}.min`] = "errors.number";
    else if (i > 0 && isNumber(f.bands[i - 1].min) && Number(b.min) <= Number(f.bands[i - 1].min))
      errors[`bands.${i}.min`] = "errors.bandOrder";
  });
  if (!f.bands.length) errors.bands = "errors.noBands";
  f.exclude.forEach((c, i) => {
    const found: RuleErrors = {};
    conditionErrors(c, isNumericField(c.field), "", found);
    if (found.value) errors[`exclude.${i}`] = `editor:${found.value}`;
  });
  if (!isWhole(f.cooldownDays) || Number(f.cooldownDays) < 0) errors.cooldownDays = "errors.days";
  if (!isNumber(f.minNewEngagement) || Number(f.minNewEngagement) < 0)
    errors.minNewEngagement = "errors.nonNegative";
  return errors;
}

/** The draft with the form applied, or null while the form has errors. */
export function modelFromForm(base: ScoringModel, f: ThresholdForm): ScoringModel | null {
  if (Object.keys(formErrors(f)).length) return null;
  const tracks: Record<string, string> = {};
  for (const b of f.bands) if (b.track.trim()) tracks[b.name.trim()] = b.track.trim();
  const parsed = scoringModelSchema.safeParse({
    ...base,
    mqlThreshold: Number(f.threshold),
    bands: f.bands.map((b) => ({ name: b.name.trim(), min: Number(b.min) })),
    nurtureTracks: tracks,
    fitGate: {
      exclude: f.exclude.map(({ field, ...c }) => {
        const value = conditionValue(c, isNumericField(field));
        return { field, op: c.op, ...(value === undefined ? {} : { value }) };
      }),
    },
    requiredFields: f.required,
    recycle: { cooldownDays: Number(f.cooldownDays), minNewEngagement: Number(f.minNewEngagement) },
  });
  return parsed.success ? parsed.data : null;
}
