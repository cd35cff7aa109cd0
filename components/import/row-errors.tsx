"use client";

import { useTranslations } from "next-intl";
import type { ImportRowErrorView } from "@/lib/client/queries/imports";

/** The bad rows: line, column, the reason in the reader's language, the refused value. */
export function RowErrors({ errors, total }: { errors: ImportRowErrorView[]; total: number }) {
  const t = useTranslations("import");
  if (errors.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-900">
        {t("errors.title", { count: total })}
      </h3>
      <div className="max-h-96 overflow-auto rounded-md ring-1 ring-slate-200">
        <table className="min-w-full text-left text-sm" data-testid="row-errors">
          <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("errors.line")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("errors.column")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("errors.reason")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {errors.map((e, i) => (
              <tr key={`${e.line}-${e.column}-${i}`} className="align-top">
                <td className="px-3 py-1.5 tabular-nums text-slate-700">{e.line}</td>
                <td className="max-w-[8rem] truncate px-3 py-1.5 text-slate-700">
                  {e.column ?? "—"}
                </td>
                <td className="px-3 py-1.5 text-slate-900">
                  {t.has(`rowErrors.${e.code}`) ? t(`rowErrors.${e.code}`) : e.message}
                  {e.value !== null && e.value !== "" && (
                    <span className="ml-1 break-all text-slate-500">
                      {t("errors.value", { value: e.value })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > errors.length && (
        <p className="text-xs text-slate-500">
          {t("errors.more", { shown: errors.length, total })}
        </p>
      )}
    </div>
  );
}
