"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { controlClass, Field, Input } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { BAND_SWATCHES } from "./score-histogram";
import type { FormErrors, ThresholdForm } from "./threshold-form";

/** The MQL threshold as a number, and the bands with their nurture tracks. */
export function BandsEditor({
  form,
  errors,
  editable,
  onChange,
}: {
  form: ThresholdForm;
  errors: FormErrors;
  editable: boolean;
  onChange: (f: ThresholdForm) => void;
}) {
  const t = useTranslations("thresholds");
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const setBand = (i: number, patch: Partial<ThresholdForm["bands"][number]>) =>
    onChange({ ...form, bands: form.bands.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  return (
    <Card aria-labelledby="bands-heading">
      <CardHeader id="bands-heading" title={t("bands.title")} />
      <div className="space-y-5 px-4 py-4 sm:px-5">
        <Field
          id="mql-threshold"
          label={t("bands.threshold")}
          hint={t("bands.thresholdHint")}
          error={err("threshold")}
        >
          <Input
            id="mql-threshold"
            type="number"
            inputMode="numeric"
            step={1}
            className="max-w-40 tabular-nums"
            value={form.threshold}
            disabled={!editable}
            aria-invalid={errors.threshold ? true : undefined}
            onChange={(e) => onChange({ ...form, threshold: e.target.value })}
          />
        </Field>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">{t("bands.legend")}</legend>
          <div className="hidden grid-cols-[1rem_minmax(0,1fr)_5.5rem_minmax(0,1.3fr)_2.5rem] gap-2 px-1 pb-1 text-xs text-slate-500 sm:grid">
            <span />
            <span>{t("bands.name")}</span>
            <span>{t("bands.min")}</span>
            <span>{t("bands.track")}</span>
            <span />
          </div>
          <ol className="space-y-3 sm:space-y-2">
            {form.bands.map((b, i) => {
              const problems = [err(`bands.${i}.name`), err(`bands.${i}.min`)].filter(Boolean);
              return (
                <li key={i} className="rounded-lg p-2 ring-1 ring-slate-200 sm:p-1 sm:ring-0">
                  <div className="grid grid-cols-[1rem_minmax(0,1fr)_5.5rem_2.5rem] items-center gap-2 sm:grid-cols-[1rem_minmax(0,1fr)_5.5rem_minmax(0,1.3fr)_2.5rem]">
                    <span
                      aria-hidden
                      className={cn("size-3 rounded-sm", BAND_SWATCHES[i % BAND_SWATCHES.length])}
                    />
                    <input
                      aria-label={t("bands.nameOf", { index: i + 1 })}
                      className={controlClass}
                      value={b.name}
                      disabled={!editable}
                      aria-invalid={errors[`bands.${i}.name`] ? true : undefined}
                      onChange={(e) => setBand(i, { name: e.target.value })}
                    />
                    <input
                      aria-label={t("bands.minOf", { band: b.name || i + 1 })}
                      type="number"
                      inputMode="numeric"
                      className={cn(controlClass, "tabular-nums")}
                      value={b.min}
                      disabled={!editable}
                      aria-invalid={errors[`bands.${i}.min`] ? true : undefined}
                      onChange={(e) => setBand(i, { min: e.target.value })}
                    />
                    <input
                      aria-label={t("bands.trackOf", { band: b.name || i + 1 })}
                      placeholder={t("bands.trackPlaceholder")}
                      className={cn(
                        controlClass,
                        "col-span-3 col-start-2 row-start-2 sm:col-span-1 sm:col-start-auto sm:row-start-auto",
                      )}
                      value={b.track}
                      disabled={!editable}
                      onChange={(e) => setBand(i, { track: e.target.value })}
                    />
                    {editable && form.bands.length > 1 ? (
                      <button
                        type="button"
                        className="col-start-4 row-start-1 flex size-9 items-center justify-center rounded-md text-slate-500 hover:bg-rose-50 hover:text-rose-700 sm:col-start-auto sm:row-start-auto"
                        aria-label={t("bands.remove", { band: b.name || i + 1 })}
                        onClick={() =>
                          onChange({ ...form, bands: form.bands.filter((_, j) => j !== i) })
                        }
                      >
                        ×
                      </button>
                    ) : (
                      <span />
                    )}
                  </div>
                  {problems.length > 0 && (
                    <p className="mt-1 pl-6 text-sm text-rose-700" role="alert">
                      {problems.join(" ")}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
          {errors.bands && <p className="mt-1 text-sm text-rose-700">{t(errors.bands)}</p>}
          {editable && (
            <Button
              variant="secondary"
              className="mt-3"
              onClick={() => {
                const last = form.bands[form.bands.length - 1];
                const min = last && Number.isFinite(Number(last.min)) ? Number(last.min) + 20 : 0;
                onChange({
                  ...form,
                  bands: [...form.bands, { name: "", min: String(min), track: "" }],
                });
              }}
            >
              {t("bands.add")}
            </Button>
          )}
          <p className="mt-2 text-xs text-slate-500">{t("bands.tracksHint")}</p>
        </fieldset>
      </div>
    </Card>
  );
}
