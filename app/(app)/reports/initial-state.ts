/**
 * The open tab's report, read on the server while the page renders and handed to the browser's
 * query cache (react-query's dehydrated state): the numbers arrive in the HTML, drawn before any
 * script runs, instead of after the scripts loaded and asked the API — the page is painted once,
 * at its final size (no late content pushing the page about). The query keys are those the panels
 * ask for (report-defaults.ts), the data exactly what the API would answer (its JSON); the panels
 * ask the API only for what the user asks next. A query the API would refuse (a bad date in the
 * URL) is left for the panel, which shows the API's words.
 */
import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import type { Db } from "@/db/client";
import { filterQuery } from "@/components/reports/filters";
import {
  assistantInput,
  FUNNEL_SPLIT,
  ratePercent,
  readSearch,
} from "@/components/reports/report-defaults";
import {
  recalibrationQueries,
  reportQueries,
  type ReportSettings,
} from "@/lib/client/queries/reports";
import { getPredictiveSummary } from "@/lib/domain/predict/train";
import { thresholdQuerySchema } from "@/lib/domain/predict/schemas";
import { calibrationReport } from "@/lib/domain/reports/calibration";
import { funnelReport } from "@/lib/domain/reports/funnel";
import {
  calibrationQuerySchema,
  funnelQuerySchema,
  reasonsQuerySchema,
  reportQuerySchema,
  targetQuerySchema,
  toReportQuery,
} from "@/lib/domain/reports/query-schema";
import { reasonsReport } from "@/lib/domain/reports/reasons";
import { ruleLiftReport } from "@/lib/domain/reports/rule-lift";
import { slaReport } from "@/lib/domain/reports/sla";
import { reportSnapshot } from "@/lib/domain/reports/snapshot";
import { thresholdRecommendation } from "@/lib/domain/thresholds/backtest";
import type { Locale } from "@/lib/i18n/locales";

type SearchParams = Record<string, string | string[] | undefined>;

/** As the API sends it: Dates as ISO strings, nothing but JSON. */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export async function reportsInitialState(
  db: Db,
  input: { searchParams: SearchParams; settings: ReportSettings; locale: Locale; now: Date },
): Promise<DehydratedState> {
  const { settings, locale, now } = input;
  const first = (key: string) => {
    const value = input.searchParams[key];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
  const { tab, filters } = readSearch({ get: first });
  const valid = !(filters.from && filters.to && filters.from > filters.to);
  const query = filterQuery(valid ? filters : { ...filters, from: "", to: "" });
  const target = settings.targetStage;
  const client = new QueryClient();
  const put = (key: readonly unknown[], data: unknown) => client.setQueryData(key, wire(data));
  put(reportQueries.settings().queryKey, settings);

  try {
    if (tab === "funnel") {
      const q = funnelQuerySchema.safeParse({ ...query, split: FUNNEL_SPLIT });
      if (q.success)
        put(
          reportQueries.funnel({ ...query, split: FUNNEL_SPLIT }).queryKey,
          await reportSnapshot(db, (tx) =>
            funnelReport(
              tx,
              toReportQuery(q.data),
              { grain: q.data.grain, split: q.data.split },
              now,
            ),
          ),
        );
    } else if (tab === "calibration") {
      const q = calibrationQuerySchema.safeParse({ ...query, target, model: "live" });
      if (q.success)
        put(
          reportQueries.calibration({ ...query, target, model: "live" }).queryKey,
          await reportSnapshot(db, (tx) =>
            calibrationReport(tx, toReportQuery(q.data), target, now, q.data.model),
          ),
        );
    } else if (tab === "rules") {
      const q = targetQuerySchema.safeParse({ ...query, target });
      if (q.success)
        put(
          reportQueries.rules({ ...query, target }).queryKey,
          await reportSnapshot(db, (tx) => ruleLiftReport(tx, toReportQuery(q.data), target, now)),
        );
    } else if (tab === "sla") {
      const q = reportQuerySchema.safeParse(query);
      if (q.success)
        put(
          reportQueries.sla(query).queryKey,
          await reportSnapshot(db, (tx) => slaReport(tx, toReportQuery(q.data), now)),
        );
    } else if (tab === "reasons") {
      const q = reasonsQuerySchema.safeParse({ ...query, locale });
      if (q.success)
        put(
          reportQueries.reasons({ ...query, locale }).queryKey,
          await reportSnapshot(db, (tx) =>
            reasonsReport(tx, toReportQuery(q.data), { grain: q.data.grain, locale }),
          ),
        );
    } else if (tab === "recalibration") {
      const assistant = assistantInput({
        target,
        ratePct: ratePercent(settings.targetRate),
        capacity: "",
        model: "live",
      });
      const q =
        assistant &&
        thresholdQuerySchema.safeParse({
          target: assistant.target,
          rate: String(assistant.rate),
          model: assistant.model,
        });
      const [recommendation, predictive] = await Promise.all([
        q?.success ? thresholdRecommendation(db, { now, ...q.data }) : null,
        getPredictiveSummary(db),
      ]);
      if (recommendation) put(recalibrationQueries.threshold(assistant).queryKey, recommendation);
      put(recalibrationQueries.predictive().queryKey, predictive);
    }
  } catch (error) {
    // The panel asks the API, which answers the same failure in the page's words.
    console.error("[reports] reading the first report on the server failed:", error);
  }
  return dehydrate(client);
}
