"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { Preview } from "@/lib/client/queries/scoring";
import { useApiErrorText } from "@/lib/client/use-api-error";

function Stat({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string;
  tone: "slate" | "green" | "red";
  testId: string;
}) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <p className="text-xs text-slate-500">{label}</p>
      <p
        data-testid={testId}
        className={cn(
          "text-xl font-semibold tabular-nums",
          tone === "green"
            ? "text-emerald-700"
            : tone === "red"
              ? "text-rose-700"
              : "text-slate-900",
        )}
      >
        {value}
      </p>
    </div>
  );
}

export function ImpactPreview({
  preview,
  loading,
  error,
}: {
  preview: Preview | undefined;
  loading: boolean;
  error: Error | null;
}) {
  const t = useTranslations("editor.preview");
  const locale = useLocale();
  const errorText = useApiErrorText();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const score = (v: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  const data = (preview?.histogram ?? []).map((b) => ({
    range: `${score(b.from)}–${score(b.to)}`,
    live: b.before,
    draft: b.after,
  }));
  return (
    <Card aria-labelledby="preview-heading" aria-busy={loading} data-testid="impact-preview">
      <CardHeader
        id="preview-heading"
        title={t("title")}
        action={
          <span className="flex items-center gap-2 text-xs text-slate-500" aria-live="polite">
            {loading && (
              <span aria-hidden className="size-2 animate-pulse rounded-full bg-brand-500" />
            )}
            {loading
              ? t("computing")
              : preview
                ? t("basis", { leads: n(preview.leads), ms: n(preview.ms) })
                : null}
          </span>
        }
      />
      <div className="px-4 py-4 sm:px-5">
        {error && (
          <p role="alert" className="mb-3 text-sm text-rose-700">
            {t("failed", { message: errorText(error) })}
          </p>
        )}
        {/* Until the first answer, the space its figures take at this width, so the rules below
            are not pushed down when it arrives. */}
        {!preview && !error && (
          <div className="min-h-[25.5rem] sm:min-h-[23.25rem] lg:min-h-[14.25rem] xl:min-h-[11rem]">
            <p className="max-w-prose text-sm text-slate-500">{t("pending")}</p>
          </div>
        )}
        {preview && (
          <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1fr)]">
            <div className="space-y-2">
              <div className="grid grid-cols-3 gap-2">
                <Stat
                  label={t("changed")}
                  value={n(preview.changed)}
                  tone="slate"
                  testId="preview-changed"
                />
                <Stat
                  label={t("newlyMql")}
                  value={`+${n(preview.newlyMql)}`}
                  tone="green"
                  testId="preview-newly-mql"
                />
                <Stat
                  label={t("dropped")}
                  value={`−${n(preview.droppedBelow)}`}
                  tone="red"
                  testId="preview-dropped"
                />
              </div>
              <p className="text-sm font-medium text-slate-800" data-testid="preview-handoffs">
                {t("handoffs", { count: preview.handoffs })}
              </p>
              <p className="text-xs text-slate-500">
                {preview.threshold.before !== null &&
                preview.threshold.before !== preview.threshold.after
                  ? t("thresholdChanged", {
                      before: score(preview.threshold.before),
                      after: score(preview.threshold.after),
                    })
                  : t("threshold", { after: score(preview.threshold.after) })}
              </p>
              {preview.changed === 0 && (
                <p className="text-sm text-slate-600" data-testid="preview-no-changes">
                  {t("noChanges")}
                </p>
              )}
            </div>
            <figure className="min-w-0">
              <figcaption className="mb-1 text-xs font-medium text-slate-600">
                {t("distribution")}
              </figcaption>
              <div className="h-28" role="img" aria-label={t("distribution")}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart accessibilityLayer={false} data={data} barGap={0} barCategoryGap={1}>
                    <XAxis dataKey="range" hide />
                    <YAxis hide />
                    <Tooltip
                      formatter={(value, name) => [
                        n(Number(value)),
                        name === "live" ? t("live") : t("draft"),
                      ]}
                      labelFormatter={(label) => `${t("range")} ${label}`}
                    />
                    <Bar dataKey="live" fill="#cbd5e1" isAnimationActive={false} />
                    <Bar dataKey="draft" fill="#4f5bd5" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <details className="mt-1 text-xs text-slate-600">
                <summary className="cursor-pointer">{t("table")}</summary>
                <table className="mt-1 w-full text-left tabular-nums">
                  <thead>
                    <tr>
                      <th scope="col">{t("range")}</th>
                      <th scope="col">{t("live")}</th>
                      <th scope="col">{t("draft")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.map((d) => (
                      <tr key={d.range}>
                        <td>{d.range}</td>
                        <td>{n(d.live)}</td>
                        <td>{n(d.draft)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </figure>
            <div className="min-w-0">
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {t("movers")}
              </h3>
              {preview.movers.length === 0 ? (
                <p className="text-sm text-slate-500">{t("noMovers")}</p>
              ) : (
                <ul className="divide-y divide-slate-100" data-testid="preview-movers">
                  {preview.movers.slice(0, 5).map((m) => {
                    const delta = m.after - (m.before ?? 0);
                    return (
                      <li
                        key={m.leadId}
                        className="flex items-center justify-between gap-2 py-1 text-sm"
                      >
                        <Link
                          href={`/leads/${m.leadId}`}
                          className="min-w-0 truncate text-slate-800 hover:text-brand-700 hover:underline"
                        >
                          {m.name}
                          {m.company && <span className="text-slate-500"> · {m.company}</span>}
                        </Link>
                        <span className="shrink-0 tabular-nums text-slate-600">
                          {m.before === null ? "—" : score(m.before)} → {score(m.after)}{" "}
                          <span className={delta >= 0 ? "text-emerald-700" : "text-rose-700"}>
                            ({delta >= 0 ? "+" : ""}
                            {score(delta)})
                          </span>
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          </div>
        )}
      </div>
    </Card>
  );
}

/** One line for the rule panel: what saving this rule would do. */
export function ImpactLine({
  preview,
  loading,
}: {
  preview: Preview | undefined;
  loading: boolean;
}) {
  const t = useTranslations("editor.preview");
  const locale = useLocale();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  return (
    <p
      className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200"
      aria-live="polite"
      data-testid="panel-impact"
    >
      {loading || !preview
        ? t("computing")
        : t("line", {
            changed: n(preview.changed),
            newlyMql: n(preview.newlyMql),
            dropped: n(preview.droppedBelow),
          })}
    </p>
  );
}
