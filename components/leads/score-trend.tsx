import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { toTenths } from "@/lib/domain/scoring/receipt-sums";
import type { ScoreSeries } from "@/lib/domain/scoring/score-series";
import { formatSignedTenths, formatTenths } from "./score-format";

const W = 300;
const H = 64;
const PAD = 5;

/**
 * The score over the window as a step line (a score holds until something moves it), drawn in
 * plain SVG on the server, with the MQL threshold dashed. The figure's caption says the same in
 * words, and a list of every move is there for screen readers.
 */
export async function ScoreTrend({
  series,
  days,
  threshold,
}: {
  series: ScoreSeries;
  days: number;
  threshold: number | null;
}) {
  const t = await getTranslations("receipt.trend");
  const format = await getFormatter();
  const locale = await getLocale();
  const { points } = series;
  const from = new Date(series.from).getTime();
  const to = new Date(series.to).getTime();
  const day = (iso: string) => format.dateTime(new Date(iso), { day: "numeric", month: "short" });
  const score = (v: number) => formatTenths(toTenths(v), locale);

  const totals = points.map((p) => p.total);
  const low = Math.min(0, ...totals, threshold ?? 0);
  let high = Math.max(...totals, threshold ?? 0, 0);
  if (high - low < 10) high = low + 10;
  const x = (iso: string) => ((new Date(iso).getTime() - from) / Math.max(1, to - from)) * W;
  const y = (v: number) => H - PAD - ((v - low) / (high - low)) * (H - 2 * PAD);

  const first = points[0];
  const last = points[points.length - 1];
  const startsAtWindow = first && first.at === series.from;
  let caption: string;
  if (points.length < 2) caption = first ? t("firstScored", { date: day(first.at) }) : t("none");
  else if (totals.every((v) => toTenths(v) === toTenths(first.total)))
    caption = startsAtWindow
      ? t("steadyWindow", { value: score(first.total), days })
      : t("steadySince", { value: score(first.total), date: day(first.at) });
  else {
    const change = formatSignedTenths(toTenths(last.total) - toTenths(first.total), locale);
    caption = startsAtWindow
      ? t("changedWindow", { change, start: score(first.total), end: score(last.total), days })
      : t("changedSince", {
          change,
          start: score(first.total),
          end: score(last.total),
          date: day(first.at),
        });
  }

  let line = "";
  if (points.length >= 2) {
    line = `M${x(first.at).toFixed(1)},${y(first.total).toFixed(1)}`;
    for (const p of points.slice(1)) line += `H${x(p.at).toFixed(1)}V${y(p.total).toFixed(1)}`;
  }
  const area = line && `${line}V${H}H${x(first.at).toFixed(1)}Z`;
  const moves = points.filter((p, i) => i === 0 || p.total !== points[i - 1].total);

  return (
    <figure className="min-w-0" data-testid="score-trend">
      <div className="flex items-baseline justify-between gap-2">
        <p className="text-xs font-medium text-slate-500">{t("title", { days })}</p>
        {threshold !== null && (
          <p className="flex items-center gap-1.5 text-xs text-slate-500">
            <span
              aria-hidden
              className="inline-block w-4 border-t border-dashed border-amber-500"
            />
            {t("threshold", { value: score(threshold) })}
          </p>
        )}
      </div>
      <div className="relative mt-1.5 h-16 rounded-md bg-slate-50/70" aria-hidden>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="none"
          className="absolute inset-0 size-full overflow-visible"
        >
          {threshold !== null && (
            <line
              x1={0}
              x2={W}
              y1={y(threshold)}
              y2={y(threshold)}
              className="stroke-amber-500"
              strokeWidth={1}
              strokeDasharray="3 3"
              vectorEffect="non-scaling-stroke"
            />
          )}
          {area && <path d={area} className="fill-brand-500/10" />}
          {line && (
            <path
              d={line}
              fill="none"
              className="stroke-brand-600"
              strokeWidth={2}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
            />
          )}
        </svg>
        {last && (
          <span
            className="absolute size-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full bg-brand-600 ring-2 ring-white"
            style={{ left: `${(x(last.at) / W) * 100}%`, top: `${(y(last.total) / H) * 100}%` }}
          />
        )}
      </div>
      <div className="mt-1 flex justify-between text-[11px] text-slate-600" aria-hidden>
        <span>{day(series.from)}</span>
        <span>{t("today")}</span>
      </div>
      <figcaption className="mt-1 text-xs text-slate-600" data-testid="score-trend-caption">
        {caption}
        {moves.length > 1 && (
          <ul className="sr-only">
            {moves.map((p) => (
              <li key={p.at}>{t("move", { date: day(p.at), value: score(p.total) })}</li>
            ))}
          </ul>
        )}
      </figcaption>
    </figure>
  );
}
