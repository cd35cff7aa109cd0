"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { Band, SettingChange } from "@/lib/scoring/diff";
import { BeforeAfter, Marked } from "./before-after";

/** Bands as "cold from 0 · warm from 50", the bands the other side lacks marked. */
function Bands({ bands, other, mark }: { bands: Band[]; other: Band[]; mark: "del" | "ins" }) {
  const t = useTranslations("history.diff");
  const format = useFormatter();
  const differs = (b: Band) => !other.some((o) => o.name === b.name && o.min === b.min);
  return (
    <span className="inline-flex flex-wrap gap-1">
      {bands.map((b) => (
        <Marked key={`${b.name}-${b.min}`} as={differs(b) ? mark : null}>
          {t("band", { name: b.name, min: format.number(b.min) })}
        </Marked>
      ))}
    </span>
  );
}

export function SettingChanges({ changes }: { changes: SettingChange[] }) {
  const t = useTranslations("history.diff");
  const format = useFormatter();
  const num = (n: number | null) => (n === null ? t("none") : format.number(n));
  const text = (s: string) => s || t("empty");
  return (
    <dl className="divide-y divide-slate-100" data-testid="setting-changes">
      {changes.map((c) => {
        let label: string;
        let value;
        switch (c.setting) {
          case "name":
          case "description":
            label = t(`setting.${c.setting}`);
            value = <BeforeAfter before={text(c.before)} after={text(c.after)} />;
            break;
          case "mqlThreshold":
            label = t("setting.mqlThreshold");
            value = <BeforeAfter before={num(c.before)} after={num(c.after)} />;
            break;
          case "bands":
            label = t("setting.bands");
            value = <BeforeAfter marked={false} before={<Bands bands={c.before} other={c.after} mark="del" />} after={<Bands bands={c.after} other={c.before} mark="ins" />} />;
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
        }
        return (
          <div key={`${c.setting}-${"scope" in c ? c.scope : ""}${"grade" in c ? c.grade : ""}`} className="grid gap-1 py-2.5 text-sm sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-3" data-testid="setting-change">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        );
      })}
    </dl>
  );
}
