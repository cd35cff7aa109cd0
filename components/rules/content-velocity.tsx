"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { ApplyFooter, type ApplyMessage } from "./apply-footer";
import { Field, Input, Select } from "@/components/ui/field";
import type { EventRule, ScoringModel } from "@/lib/domain/scoring/model";
import { usePropertySuggestions, useSuggestions } from "./use-scoring";

export const VELOCITY_IDS = { high: "content-high-velocity", low: "content-low-velocity" } as const;
type Mode = "property" | "asset";
type Klass = "high" | "low" | "none";

/** Reads back what the two velocity rules of a model say, to edit them again. */
function fromModel(model: ScoringModel) {
  const high = model.rules.find((r) => r.id === VELOCITY_IDS.high) as EventRule | undefined;
  const low = model.rules.find((r) => r.id === VELOCITY_IDS.low) as EventRule | undefined;
  const byAsset = [high, low].some((r) => r?.where?.[0]?.property === "asset");
  const classes: Record<string, Klass> = {};
  for (const [rule, klass] of [
    [high, "high"],
    [low, "low"],
  ] as const) {
    const values =
      rule?.where?.[0]?.property === "asset" && Array.isArray(rule.where[0].value)
        ? (rule.where[0].value as string[])
        : [];
    for (const v of values) classes[v] = klass;
  }
  return {
    event: high?.event ?? low?.event ?? "Content Downloaded",
    mode: (byAsset ? "asset" : "property") as Mode,
    high: String(high?.points ?? 25),
    low: String(low?.points ?? 5),
    classes,
  };
}

/**
 * Content velocity (seed 002 §B): classify content as high or low velocity — by the content_type
 * property events carry, or asset by asset here — and score the class. It writes two ordinary
 * event rules into the draft (rules are data), which the rule list shows like any other.
 */
export function ContentVelocity({
  model,
  editable,
  onApply,
}: {
  model: ScoringModel;
  editable: boolean;
  onApply: (model: ScoringModel) => void;
}) {
  const t = useTranslations("editor.velocity");
  const locale = useLocale();
  const [state, setState] = useState(() => fromModel(model));
  const [message, setMessage] = useState<ApplyMessage>(null);
  const suggestions = useSuggestions();
  const properties = usePropertySuggestions(state.event);
  const assets = properties.data?.find((p) => p.key === "asset")?.values ?? [];
  const contentTypes = properties.data?.find((p) => p.key === "content_type")?.values ?? [];
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);

  const apply = () => {
    const high = Number(state.high);
    const low = Number(state.low);
    const rules: EventRule[] = [];
    if (state.mode === "property") {
      rules.push({
        id: VELOCITY_IDS.high,
        label: t("highLabel"),
        kind: "event",
        event: state.event,
        where: [{ property: "content_type", op: "eq", value: "high_velocity" }],
        points: high,
      });
      rules.push({
        id: VELOCITY_IDS.low,
        label: t("lowLabel"),
        kind: "event",
        event: state.event,
        where: [{ property: "content_type", op: "eq", value: "low_velocity" }],
        points: low,
      });
    } else {
      const of = (k: Klass) =>
        Object.entries(state.classes)
          .filter(([, c]) => c === k)
          .map(([a]) => a);
      if (!of("high").length && !of("low").length) {
        setMessage({ ok: false, text: t("needsOne") });
        return;
      }
      if (of("high").length)
        rules.push({
          id: VELOCITY_IDS.high,
          label: t("highLabel"),
          kind: "event",
          event: state.event,
          where: [{ property: "asset", op: "in", value: of("high") }],
          points: high,
        });
      if (of("low").length)
        rules.push({
          id: VELOCITY_IDS.low,
          label: t("lowLabel"),
          kind: "event",
          event: state.event,
          where: [{ property: "asset", op: "in", value: of("low") }],
          points: low,
        });
    }
    const others = model.rules.filter(
      (r) => r.id !== VELOCITY_IDS.high && r.id !== VELOCITY_IDS.low,
    );
    onApply({ ...model, rules: [...others, ...rules] });
    setMessage({ ok: true, text: t("applied") });
  };

  return (
    <Card aria-labelledby="velocity-heading" data-testid="content-velocity">
      <CardHeader id="velocity-heading" title={t("title")} />
      <div className="space-y-4 px-4 py-4 sm:px-5">
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="velocity-event" label={t("event")}>
            <Select
              id="velocity-event"
              value={state.event}
              disabled={!editable}
              onChange={(e) => setState({ ...state, event: e.target.value })}
            >
              {[
                state.event,
                ...(suggestions.data?.events ?? [])
                  .map((e) => e.value)
                  .filter((v) => v !== state.event),
              ].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="velocity-mode" label={t("mode")}>
            <Select
              id="velocity-mode"
              value={state.mode}
              disabled={!editable}
              onChange={(e) => setState({ ...state, mode: e.target.value as Mode })}
            >
              <option value="property">{t("byProperty")}</option>
              <option value="asset">{t("byAsset")}</option>
            </Select>
          </Field>
          <Field id="velocity-high" label={t("highPoints")}>
            <Input
              id="velocity-high"
              type="number"
              value={state.high}
              disabled={!editable}
              onChange={(e) => setState({ ...state, high: e.target.value })}
            />
          </Field>
          <Field id="velocity-low" label={t("lowPoints")}>
            <Input
              id="velocity-low"
              type="number"
              value={state.low}
              disabled={!editable}
              onChange={(e) => setState({ ...state, low: e.target.value })}
            />
          </Field>
        </div>
        {state.mode === "property" ? (
          contentTypes.length > 0 && (
            <p className="text-xs text-slate-500">
              {contentTypes.map((c) => `${c.value}: ${n(c.count)}`).join(" · ")}
            </p>
          )
        ) : assets.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noAssets")}</p>
        ) : (
          <div className="max-h-72 overflow-y-auto rounded-lg ring-1 ring-slate-200">
            <table className="min-w-full text-sm">
              <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-500">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("asset")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("downloads")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("class")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {assets.map((a) => (
                  <tr key={a.value}>
                    <td className="px-3 py-1.5 text-slate-800">{a.value}</td>
                    <td className="px-3 py-1.5 text-right text-slate-600 tabular-nums">
                      {n(a.count)}
                    </td>
                    <td className="px-3 py-1.5">
                      <label className="sr-only" htmlFor={`asset-${a.value}`}>
                        {t("class")}: {a.value}
                      </label>
                      <select
                        id={`asset-${a.value}`}
                        disabled={!editable}
                        className="rounded-md border-0 py-1 pr-7 pl-2 text-sm ring-1 ring-slate-300 ring-inset"
                        value={state.classes[a.value] ?? "none"}
                        onChange={(e) =>
                          setState({
                            ...state,
                            classes: { ...state.classes, [a.value]: e.target.value as Klass },
                          })
                        }
                      >
                        <option value="high">{t("high")}</option>
                        <option value="low">{t("low")}</option>
                        <option value="none">{t("none")}</option>
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ApplyFooter message={message} editable={editable} label={t("apply")} onApply={apply} />
      </div>
    </Card>
  );
}
