"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { icons } from "@/components/ui/icons";
import { useApiErrorText } from "@/lib/client/use-api-error";

/**
 * One dashboard panel: title, an optional description, the chart (an image to assistive
 * technology, labelled by the title) and, under it, the same numbers as a table; a CSV download
 * of the report; a quiet loading marker while a new answer is on its way.
 */
export function ChartFrame({
  id,
  title,
  description,
  csvHref,
  loading,
  error,
  chart,
  table,
  children,
  testId,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  csvHref?: string;
  loading?: boolean;
  error?: Error | null;
  chart?: ReactNode;
  table?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  const t = useTranslations("reports");
  const errorText = useApiErrorText();
  return (
    <Card aria-labelledby={`${id}-title`} aria-busy={loading} data-testid={testId}>
      <CardHeader
        id={`${id}-title`}
        title={title}
        action={
          <span className="flex items-center gap-3 text-xs text-slate-500">
            {loading && (
              <span className="flex items-center gap-1" aria-live="polite">
                <span aria-hidden className="size-2 animate-pulse rounded-full bg-brand-500" />
                {t("loading")}
              </span>
            )}
            {csvHref && (
              <a
                href={csvHref}
                download
                className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline"
                data-testid={`${id}-csv`}
              >
                <icons.download className="size-3.5" />
                {t("csv")}
              </a>
            )}
          </span>
        }
      />
      <div className="space-y-3 px-4 py-4 sm:px-5">
        {description && <p className="text-sm text-slate-600">{description}</p>}
        {error && (
          <p role="alert" className="text-sm text-rose-700">
            {t("failed", { message: errorText(error) })}
          </p>
        )}
        {chart && (
          <figure className="min-w-0">
            <div role="img" aria-labelledby={`${id}-title`} className="h-64 w-full">
              {chart}
            </div>
          </figure>
        )}
        {children}
        {table && (
          <details className="text-sm text-slate-700" data-testid={`${id}-table`}>
            <summary className="cursor-pointer text-xs font-medium text-slate-600">
              {t("showTable")}
            </summary>
            <div className="mt-2 overflow-x-auto">{table}</div>
          </details>
        )}
      </div>
    </Card>
  );
}

/** A plain data table: header row, then rows of cells, numbers right-aligned. */
export function DataTable({
  head,
  rows,
  testId,
}: {
  head: ReactNode[];
  rows: ReactNode[][];
  testId?: string;
}) {
  return (
    <div className="max-w-full overflow-x-auto">
      <table className="w-full min-w-max text-left text-sm tabular-nums" data-testid={testId}>
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            {head.map((h, i) => (
              <th
                key={i}
                scope="col"
                className={i === 0 ? "py-1 pr-3 font-medium" : "px-2 py-1 text-right font-medium"}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="py-1 pr-3 font-normal text-slate-800">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="px-2 py-1 text-right">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A figure with its label, for the key numbers above a chart. */
export function Kpi({
  label,
  value,
  hint,
  testId,
  tone = "slate",
}: {
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
  tone?: "slate" | "green" | "amber" | "red";
}) {
  const color = {
    slate: "text-slate-900",
    green: "text-emerald-700",
    amber: "text-amber-700",
    red: "text-rose-700",
  }[tone];
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <p className="text-xs text-slate-500">{label}</p>
      <p className={`text-xl font-semibold tabular-nums ${color}`} data-testid={testId}>
        {value}
      </p>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

/** A compact labelled control for the reports' forms (label above, control below). */
export function SmallField({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <label className="text-sm text-slate-700">
      <span className="mb-1 block text-xs">{label}</span>
      {children}
    </label>
  );
}

/** What became of a "put it in the draft" request: done (with where to review it) or the refusal. */
export function DraftResult({
  done,
  error,
  message,
  href,
  linkLabel,
  testId,
}: {
  done: boolean;
  error: Error | null;
  message: ReactNode;
  href: string;
  linkLabel: ReactNode;
  testId: string;
}) {
  const errorText = useApiErrorText();
  if (error)
    return (
      <p role="alert" className="text-sm text-rose-700">
        {errorText(error)}
      </p>
    );
  if (!done) return null;
  return (
    <p role="status" className="text-sm text-emerald-700" data-testid={testId}>
      {message}{" "}
      <Link href={href} className="font-medium underline">
        {linkLabel}
      </Link>
    </p>
  );
}
