"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ApplyFooter, type ApplyMessage } from "./apply-footer";
import { Field, Input } from "@/components/ui/field";
import { scoringModelSchema, type ScoringModel } from "@/lib/domain/scoring/model";

type Form = {
  name: string;
  mqlThreshold: string;
  bands: { name: string; min: string }[];
  caps: { fit: string; engagement: string; total: string };
  grades: { A: string; B: string; C: string; "1": string; "2": string; "3": string };
};

const toForm = (m: ScoringModel): Form => ({
  name: m.name,
  mqlThreshold: String(m.mqlThreshold),
  bands: m.bands.map((b) => ({ name: b.name, min: String(b.min) })),
  caps: {
    fit: m.caps.fit?.toString() ?? "",
    engagement: m.caps.engagement?.toString() ?? "",
    total: m.caps.total?.toString() ?? "",
  },
  grades: {
    A: String(m.grades.fit.A),
    B: String(m.grades.fit.B),
    C: String(m.grades.fit.C),
    "1": String(m.grades.engagement["1"]),
    "2": String(m.grades.engagement["2"]),
    "3": String(m.grades.engagement["3"]),
  },
});

const num = (s: string) => (s.trim() === "" ? NaN : Number(s));
const cap = (s: string) => (s.trim() === "" ? null : Number(s));

/** Name, MQL threshold, bands, caps and grades of the draft (the threshold designer adds more). Keyed by the parent on these settings, so it starts over when they change elsewhere. */
export function ModelSettings({
  model,
  editable,
  onApply,
}: {
  model: ScoringModel;
  editable: boolean;
  onApply: (model: ScoringModel) => void;
}) {
  const t = useTranslations("editor.settings");
  const [form, setForm] = useState(() => toForm(model));
  const [message, setMessage] = useState<ApplyMessage>(null);
  const apply = () => {
    const candidate = {
      ...model,
      name: form.name,
      mqlThreshold: num(form.mqlThreshold),
      bands: form.bands.map((b) => ({ name: b.name, min: num(b.min) })),
      caps: {
        fit: cap(form.caps.fit),
        engagement: cap(form.caps.engagement),
        total: cap(form.caps.total),
      },
      grades: {
        fit: { A: num(form.grades.A), B: num(form.grades.B), C: num(form.grades.C) },
        engagement: {
          "1": num(form.grades["1"]),
          "2": num(form.grades["2"]),
          "3": num(form.grades["3"]),
        },
      },
    };
    const parsed = scoringModelSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setMessage({
        ok: false,
        text: t("invalid", { message: `${issue.path.join(".")}: ${issue.message}` }),
      });
      return;
    }
    onApply(parsed.data);
    setMessage({ ok: true, text: t("applied") });
  };
  const disabled = !editable;
  return (
    <Card aria-labelledby="settings-heading">
      <CardHeader id="settings-heading" title={t("title")} />
      <div className="space-y-4 px-4 py-4 sm:px-5">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="model-name" label={t("name")}>
            <Input
              id="model-name"
              value={form.name}
              disabled={disabled}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </Field>
          <Field id="model-threshold" label={t("threshold")} hint={t("thresholdHint")}>
            <Input
              id="model-threshold"
              type="number"
              inputMode="decimal"
              value={form.mqlThreshold}
              disabled={disabled}
              onChange={(e) => setForm({ ...form, mqlThreshold: e.target.value })}
            />
          </Field>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("bands")}</legend>
          <p className="mb-2 text-xs text-slate-500">{t("bandsHint")}</p>
          <ul className="space-y-2">
            {form.bands.map((band, i) => (
              <li key={i} className="flex items-center gap-2">
                <label className="sr-only" htmlFor={`band-${i}-name`}>
                  {t("bandName")}
                </label>
                <Input
                  id={`band-${i}-name`}
                  value={band.name}
                  disabled={disabled}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      bands: form.bands.map((b, j) =>
                        j === i ? { ...b, name: e.target.value } : b,
                      ),
                    })
                  }
                />
                <label className="sr-only" htmlFor={`band-${i}-min`}>
                  {t("bandMin")}
                </label>
                <div className="w-24 shrink-0">
                  <Input
                    id={`band-${i}-min`}
                    type="number"
                    value={band.min}
                    disabled={disabled}
                    onChange={(e) =>
                      setForm({
                        ...form,
                        bands: form.bands.map((b, j) =>
                          j === i ? { ...b, min: e.target.value } : b,
                        ),
                      })
                    }
                  />
                </div>
                {editable && form.bands.length > 1 && (
                  <Button
                    variant="ghost"
                    className="px-2"
                    aria-label={t("removeBand", { name: band.name })}
                    onClick={() =>
                      setForm({ ...form, bands: form.bands.filter((_, j) => j !== i) })
                    }
                  >
                    ×
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {editable && (
            <Button
              variant="ghost"
              className="mt-1 px-2 text-brand-700"
              onClick={() => setForm({ ...form, bands: [...form.bands, { name: "", min: "" }] })}
            >
              {t("addBand")}
            </Button>
          )}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("caps")}</legend>
          <p className="mb-2 text-xs text-slate-500">{t("capsHint")}</p>
          <div className="grid gap-2 sm:grid-cols-3">
            {(["fit", "engagement", "total"] as const).map((k) => (
              <Field
                key={k}
                id={`cap-${k}`}
                label={t(`cap${k[0].toUpperCase()}${k.slice(1)}` as "capFit")}
              >
                <Input
                  id={`cap-${k}`}
                  type="number"
                  value={form.caps[k]}
                  disabled={disabled}
                  onChange={(e) =>
                    setForm({ ...form, caps: { ...form.caps, [k]: e.target.value } })
                  }
                />
              </Field>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("grades")}</legend>
          <p className="mb-2 text-xs text-slate-500">{t("gradesHint")}</p>
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-6 lg:grid-cols-3 xl:grid-cols-6">
            {(["A", "B", "C", "1", "2", "3"] as const).map((k) => (
              <Field key={k} id={`grade-${k}`} label={k}>
                <Input
                  id={`grade-${k}`}
                  type="number"
                  value={form.grades[k]}
                  disabled={disabled}
                  onChange={(e) =>
                    setForm({ ...form, grades: { ...form.grades, [k]: e.target.value } })
                  }
                />
              </Field>
            ))}
          </div>
        </fieldset>
        <ApplyFooter message={message} editable={editable} label={t("apply")} onApply={apply} />
      </div>
    </Card>
  );
}
