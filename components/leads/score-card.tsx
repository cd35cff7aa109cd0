import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { icons } from "@/components/ui/icons";
import type { LeadScore } from "@/lib/domain/scoring/lead-score";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { toTenths, type ReceiptSums } from "@/lib/domain/scoring/receipt-sums";
import type { ScoreSeries } from "@/lib/domain/scoring/score-series";
import { sayTemplateWord } from "@/lib/client/use-template-words";
import { formatTenths } from "./score-format";
import { ScoreTrend } from "./score-trend";

const FIT_TONE = {
  A: "bg-emerald-600",
  B: "bg-sky-600",
  C: "bg-amber-500",
  D: "bg-slate-400",
} as Record<string, string>;

/**
 * The lead's score at a glance: total, grade, band, fit and engagement, where it stands against
 * the MQL threshold, and its trend. The figures come from the receipt's sums when there is one,
 * so the card and the receipt below always show the same total.
 */
export async function ScoreCard({
  score,
  sums,
  model,
  series,
  days,
  hasModel,
  canPublish,
}: {
  score: LeadScore | null;
  sums: ReceiptSums | null;
  model: ScoringModel | null;
  series: ScoreSeries;
  days: number;
  hasModel: boolean;
  /** Whether the viewer may write rules: the empty state then points to the editor. */
  canPublish: boolean;
}) {
  const t = await getTranslations("receipt.card");
  const format = await getFormatter();
  const locale = await getLocale();
  const templates = await getTranslations("editor.templates.models");
  // A starter template's band name, as the template wrote it, in the reader's language.
  const band = score ? sayTemplateWord(templates, "band", score.band) : null;
  if (!score) {
    return (
      <Card aria-labelledby="score-heading" data-testid="score-card" className="lg:col-span-2">
        <CardHeader id="score-heading" title={t("title")} />
        <div
          className="flex flex-col gap-4 px-4 py-6 sm:flex-row sm:items-center sm:px-5"
          data-testid="score-empty"
        >
          <span
            aria-hidden
            className="flex size-11 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-400"
          >
            <icons.reports width={22} height={22} />
          </span>
          <div className="min-w-0 flex-1">
            <p className="text-sm font-semibold text-slate-900">{t("emptyTitle")}</p>
            <p className="mt-0.5 max-w-2xl text-sm text-slate-600">
              {hasModel ? t("emptyNotScored") : t("emptyNoModel")}
            </p>
          </div>
          {!hasModel && canPublish && (
            <Link href="/rules" className={buttonClass("secondary", "shrink-0")}>
              {t("emptyAction")}
            </Link>
          )}
        </div>
      </Card>
    );
  }
  const total = sums?.total ?? toTenths(score.total);
  const fit = sums?.fit.subtotal ?? toTenths(score.fit);
  const engagement = sums?.engagement.subtotal ?? toTenths(score.engagement);
  const threshold = model?.mqlThreshold ?? null;
  const asOf = new Date(score.asOf);
  const scale = Math.max(total, toTenths(threshold ?? 0), 1) * 1.2;
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / scale) * 100))}%`;
  const gap = threshold !== null ? toTenths(threshold) - total : 0;

  return (
    <Card aria-labelledby="score-heading" data-testid="score-card" className="lg:col-span-2">
      <CardHeader
        id="score-heading"
        title={t("title")}
        action={
          <span className="text-xs text-slate-500" data-testid="score-model">
            {model
              ? t("model", { version: score.modelVersion, name: model.name })
              : t("modelVersion", { version: score.modelVersion })}
          </span>
        }
      />
      <div className="grid gap-6 px-4 py-5 sm:px-5 md:grid-cols-[auto_minmax(0,1fr)] xl:grid-cols-[auto_minmax(0,15rem)_minmax(0,1fr)]">
        <div className="flex items-start gap-4">
          <div>
            <p className="text-xs font-medium text-slate-500">{t("total")}</p>
            <p
              className="mt-0.5 text-5xl leading-none font-semibold tracking-tight text-slate-900 tabular-nums"
              data-testid="score-total"
            >
              {formatTenths(total, locale)}
            </p>
          </div>
          <div className="flex flex-col items-start gap-1.5 pt-5">
            <span
              className="inline-flex items-center gap-1 rounded-md bg-slate-900 px-2 py-0.5 text-sm font-semibold text-white tabular-nums"
              title={t("gradeLabel", {
                grade: score.grade,
                fit: score.fitGrade,
                engagement: score.engagementGrade,
              })}
            >
              <span className="sr-only">
                {t("gradeLabel", {
                  grade: score.grade,
                  fit: score.fitGrade,
                  engagement: score.engagementGrade,
                })}
              </span>
              <span aria-hidden data-testid="score-grade">
                {score.grade}
              </span>
            </span>
            <Badge tone="indigo" className="max-w-[12rem] truncate">
              <span className="sr-only">{t("band")}: </span>
              <span data-testid="score-band">{band}</span>
            </Badge>
          </div>
        </div>

        <div className="space-y-3 md:col-start-2 xl:col-start-auto">
          <dl className="grid grid-cols-2 gap-3">
            {[
              {
                key: "fit",
                label: t("fit"),
                hint: t("fitHint"),
                value: fit,
                grade: score.fitGrade,
                tone: FIT_TONE[score.fitGrade] ?? "bg-slate-400",
              },
              {
                key: "engagement",
                label: t("engagement"),
                hint: t("engagementHint"),
                value: engagement,
                grade: String(score.engagementGrade),
                tone: "bg-brand-600",
              },
            ].map((part) => (
              <div
                key={part.key}
                className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-100 ring-inset"
              >
                <dt className="text-xs text-slate-500">
                  {part.label} <span className="sr-only">({part.hint})</span>
                </dt>
                <dd className="mt-0.5 flex items-baseline gap-2">
                  <span
                    className="text-xl font-semibold text-slate-900 tabular-nums"
                    data-testid={`score-${part.key}`}
                  >
                    {formatTenths(part.value, locale)}
                  </span>
                  <span
                    className={`rounded px-1.5 text-xs font-semibold text-white ${part.tone}`}
                    aria-label={t("gradeOf", { grade: part.grade })}
                  >
                    {part.grade}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
          {threshold !== null && (
            <div>
              <div className="relative h-2 rounded-full bg-slate-100" aria-hidden>
                <div
                  className={`absolute inset-y-0 left-0 rounded-full ${gap <= 0 ? "bg-emerald-500" : "bg-brand-500"}`}
                  style={{ width: pct(total) }}
                />
                <div
                  className="absolute -inset-y-1 w-0.5 rounded bg-amber-500"
                  style={{ left: pct(toTenths(threshold)) }}
                />
              </div>
              <p className="mt-1.5 text-xs text-slate-600" data-testid="score-mql">
                {gap <= 0
                  ? t("mqlReached", { threshold: formatTenths(toTenths(threshold), locale) })
                  : t("mqlBelow", {
                      gap: formatTenths(gap, locale),
                      threshold: formatTenths(toTenths(threshold), locale),
                    })}
              </p>
            </div>
          )}
        </div>

        <div className="md:col-span-2 xl:col-span-1">
          <ScoreTrend series={series} days={days} threshold={threshold} />
        </div>
      </div>
      <p className="border-t border-slate-100 px-4 py-2.5 text-xs text-slate-500 sm:px-5">
        {t.rich("asOf", {
          date: format.dateTime(asOf, { dateStyle: "medium", timeStyle: "short" }),
          time: (chunks) => (
            <time dateTime={score.asOf} data-testid="score-as-of">
              {chunks}
            </time>
          ),
        })}
      </p>
    </Card>
  );
}
