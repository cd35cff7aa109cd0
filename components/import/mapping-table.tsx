"use client";

import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import type { ColumnTarget, Inspection } from "@/lib/client/queries/imports";
import { FIELDS_BY_KIND, TRAIT_TYPES, type ImportKind } from "@/lib/shared/imports";
import { duplicateFields, targetFrom, targetValue } from "./mapping-target";

/** Each column of the file → a field, a typed trait or ignored; a sample value beside it. */
export function MappingTable({
  inspection,
  kind,
  targets,
  onChange,
}: {
  inspection: Inspection;
  kind: ImportKind;
  targets: ColumnTarget[];
  onChange: (targets: ColumnTarget[]) => void;
}) {
  const t = useTranslations("import");
  const fields = FIELDS_BY_KIND[kind];
  const twice = duplicateFields(targets);
  const sample = (i: number) => inspection.rows.find((r) => r[i])?.[i] ?? "";
  return (
    <div data-testid="mapping-table">
      <div className="hidden grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.2fr)] gap-3 border-b border-slate-200 px-1 pb-2 text-xs font-medium text-slate-500 sm:grid">
        <span>{t("mapping.column")}</span>
        <span>{t("mapping.sample")}</span>
        <span>{t("mapping.target")}</span>
      </div>
      <ul className="divide-y divide-slate-100">
        {inspection.headers.map((header, i) => {
          const target = targets[i];
          const duplicate = target?.to === "field" && twice.has(target.field);
          const id = `map-${i}`;
          return (
            <li
              key={i}
              className="grid gap-1 px-1 py-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.2fr)] sm:items-center sm:gap-3"
            >
              <label htmlFor={id} className="truncate text-sm font-medium text-slate-900">
                {header}
              </label>
              <span className="truncate text-xs text-slate-500 sm:text-sm">
                <span className="sm:hidden">{t("mapping.sample")}: </span>
                {sample(i) || "—"}
              </span>
              <div>
                <Select
                  id={id}
                  value={targetValue(target)}
                  onChange={(e) => {
                    const next = [...targets];
                    next[i] = targetFrom(e.target.value, target);
                    onChange(next);
                  }}
                  aria-invalid={duplicate || undefined}
                  aria-describedby={duplicate ? `${id}-error` : undefined}
                  data-testid={`mapping-${i}`}
                >
                  <option value="ignore">{t("mapping.ignore")}</option>
                  <optgroup label={t("mapping.fields")}>
                    {fields.map((f) => (
                      <option key={f} value={`field:${f}`}>
                        {t(`fields.${f}`)}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup
                    label={kind === "events" ? t("mapping.properties") : t("mapping.traits")}
                  >
                    {TRAIT_TYPES.map((type) => (
                      <option key={type} value={`trait:${type}`}>
                        {t(`traitTypes.${type}`)}
                      </option>
                    ))}
                  </optgroup>
                </Select>
                {duplicate && (
                  <p id={`${id}-error`} className="mt-1 text-xs text-rose-700">
                    {t("mapping.duplicate")}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
