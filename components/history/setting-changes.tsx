"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { describeCondition, fieldLabel } from "@/components/rules/describe-rule";
import type { ReactNode } from "react";
import type { Band, SettingChange } from "@/lib/domain/scoring/diff";
import type { FieldCondition } from "@/lib/domain/scoring/model";
import { BeforeAfter, delClass, insClass } from "./before-after";

/** Bands matched by name: a moved minimum reads "nurture from 25 → 20"; new and dropped bands are marked. */
function BandChanges({ before, after }: { before: Band[]; after: Band[] }) {
  const t = useTranslations("history.diff");
  const format = useFormatter();
  const band = (b: Band) => t("band", { name: b.name, min: format.number(b.min) });
  const rows: { key: string; node: ReactNode }[] = after.map((b) => {
    const old = before.find((o) => o.name === b.name);
    if (!old) return { key: b.name, node: <ins className={insClass}>{band(b)}</ins> };
    if (old.min === b.min)
      return { key: b.name, node: <span className="text-slate-500">{band(b)}</span> };
    return { key: b.name, node: <BeforeAfter before={band(old)} after={format.number(b.min)} /> };
  });
  for (const b of before.filter((o) => !after.some((a) => a.name === o.name)))
    rows.push({ key: `-${b.name}`, node: <del className={delClass}>{band(b)}</del> });
  return (
    <ul className="space-y-1">
      {rows.map((r) => (
        <li key={r.key}>{r.node}</li>
      ))}
    </ul>
  );
}

export function SettingChanges({ changes }: { changes: SettingChange[] }) {
  const t = useTranslations("history.diff");
  const describe = useTranslations("rules.describe");
  const locale = useLocale();
  const format = useFormatter();
  const condition = (c: FieldCondition) =>
    describe("attribute", {
      field: fieldLabel(describe, c.field),
      condition: describeCondition(describe, c, locale),
    });
  const fields = (list: string[]) =>
    list.length ? list.map((f) => fieldLabel(describe, f)).join(", ") : t("none");
  const num = (n: number | null) => (n === null ? t("none") : format.number(n));
  const text = (s: string) => s || t("empty");
  return (
    <dl className="divide-y divide-slate-100" data-testid="setting-changes">
      {changes.map((c) => {
        let label: string;
        let value: ReactNode;
        switch (c.setting) {
          case "name":
          case "description":
            label = t(`setting.${c.setting}`);
            value = (
              <BeforeAfter
                before={text(c.before)}
                after={text(c.after)}
                stacked={c.setting === "description"}
              />
            );
            break;
          case "mqlThreshold":
            label = t("setting.mqlThreshold");
            value = <BeforeAfter before={num(c.before)} after={num(c.after)} />;
            break;
          case "bands":
            label = t("setting.bands");
            value = <BandChanges before={c.before} after={c.after} />;
            break;
          case "cap":
            label = t(`setting.cap.${c.scope}`);
            value = <BeforeAfter before={num(c.before)} after={num(c.after)} />;
            break;
          case "fitGrade":
          case "engagementGrade":
            label = t(`setting.${c.setting}`, { grade: c.grade });
            value = <BeforeAfter before={num(c.before)} after={num(c.after)} />;
            break;
          case "fitGate":
            label = t("setting.fitGate");
            value = (
              <ul className="space-y-1">
                {c.added.map((x, i) => (
                  <li key={`+${i}`}>
                    <ins className={insClass}>{condition(x)}</ins>
                  </li>
                ))}
                {c.removed.map((x, i) => (
                  <li key={`-${i}`}>
                    <del className={delClass}>{condition(x)}</del>
                  </li>
                ))}
              </ul>
            );
            break;
          case "requiredFields":
            label = t("setting.requiredFields");
            value = <BeforeAfter before={fields(c.before)} after={fields(c.after)} />;
            break;
          case "recycleCooldown":
          case "recycleEngagement":
            label = t(`setting.${c.setting}`);
            value = <BeforeAfter before={num(c.before)} after={num(c.after)} />;
            break;
          case "nurtureTrack":
            label = t("setting.nurtureTrack", { band: c.band });
            value = <BeforeAfter before={c.before ?? t("none")} after={c.after ?? t("none")} />;
            break;
        }
        return (
          <div
            key={`${c.setting}-${"scope" in c ? c.scope : ""}${"grade" in c ? c.grade : ""}${"band" in c ? c.band : ""}`}
            className="grid gap-1 py-2.5 text-sm sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-3"
            data-testid="setting-change"
          >
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        );
      })}
    </dl>
  );
}
