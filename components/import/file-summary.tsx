"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { Inspection } from "@/lib/client/queries/imports";

const DELIMITERS: Record<Inspection["delimiter"], string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
};

/** How the file reads: delimiter, encoding, header, the CRM it looks like, and its first rows. */
export function FileSummary({ inspection }: { inspection: Inspection }) {
  const t = useTranslations("import");
  const format = useFormatter();
  const facts = [
    [t("summary.delimiter"), t(`delimiters.${DELIMITERS[inspection.delimiter]}`)],
    [
      t("summary.encoding"),
      inspection.encoding === "utf-8"
        ? inspection.bom
          ? t("encodings.utf8bom")
          : t("encodings.utf8")
        : t("encodings.windows1252"),
    ],
    [t("summary.header"), inspection.hasHeader ? t("summary.headerYes") : t("summary.headerNo")],
    [
      t("summary.size"),
      format.number(inspection.bytes / 1024, { maximumFractionDigits: 1 }) + " KB",
    ],
  ];
  const preview = inspection.rows.slice(0, 5);
  return (
    <div className="space-y-4" data-testid="file-summary">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label} className="min-w-0 rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="truncate font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {inspection.preset && (
        <p className="text-sm text-slate-700" data-testid="import-preset">
          {t("presetDetected", { preset: t(`presets.${inspection.preset}`) })}
        </p>
      )}
      {preview.length > 0 && (
        <div className="overflow-x-auto rounded-md ring-1 ring-slate-200">
          <table className="min-w-full text-left text-xs" data-testid="file-preview">
            <caption className="sr-only">{t("previewCaption")}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {inspection.headers.map((h, i) => (
                  <th key={i} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.map((row, r) => (
                <tr key={r}>
                  {inspection.headers.map((_, i) => (
                    <td key={i} className="max-w-[14rem] truncate px-3 py-1.5 text-slate-800">
                      {row[i] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
