/**
 * The dashboards over the API: each report (one GET with the page's filters), the report
 * settings, and the recalibration assistant (threshold recommendation, predictive score, writing
 * suggestions into the draft). Reports sit under "reports", so saving the settings refreshes
 * every report; the assistant's answers sit under "recalibration" and are left alone.
 */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { ApiError, api, call, callData } from "../api";
import type { components, paths } from "../api-schema";

type Schemas = components["schemas"];
export type FunnelReport = Schemas["FunnelReport"];
export type StageCounts = FunnelReport["totals"];
export type CalibrationReport = Schemas["CalibrationReport"];
export type CalibrationRow = CalibrationReport["bands"][number];
export type RuleLiftReport = Schemas["RuleLiftReport"];
export type SlaReport = Schemas["SlaReport"];
export type SlaRow = SlaReport["overall"];
export type ReasonsReport = Schemas["ReasonsReport"];
export type ReportSettings = Schemas["ReportSettings"];

type ReportName = "funnel" | "calibration" | "rules" | "sla" | "reasons";
export type ReportQuery<N extends ReportName> = NonNullable<
  paths[`/api/v1/reports/${N}`]["get"]["parameters"]["query"]
>;

/** The filters every dashboard shares, empty ones left out (the server reads absent as "all"). */
export type ReportFilters = Pick<ReportQuery<"funnel">, "from" | "to" | "team" | "rep" | "grain">;

/** The report's CSV download address, for a plain link. */
export const reportCsvHref = (name: ReportName, query: Record<string, string | undefined>) =>
  `/api/v1/reports/${name}?${new URLSearchParams({ ...definedOnly(query), format: "csv" })}`;

function definedOnly(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** A report's 200 is JSON, or CSV text when `format=csv`, which these queries never ask for. */
function jsonData<T>(answer: { data: T } | string): T {
  if (typeof answer === "string") throw new ApiError("internal", 200, "Expected a JSON report.");
  return answer.data;
}

/** Previous data stays on screen while the next filter's answer loads. */
function report<T>(name: ReportName, query: object, load: () => Promise<{ data: T } | string>) {
  return queryOptions({
    queryKey: [...reportQueries.all, name, query] as const,
    queryFn: async () => jsonData(await load()),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export const reportQueries = {
  all: ["reports"] as const,
  funnel: (query: ReportQuery<"funnel">) =>
    report("funnel", query, () => call(api.GET("/api/v1/reports/funnel", { params: { query } }))),
  calibration: (query: ReportQuery<"calibration">) =>
    report("calibration", query, () =>
      call(api.GET("/api/v1/reports/calibration", { params: { query } })),
    ),
  rules: (query: ReportQuery<"rules">) =>
    report("rules", query, () => call(api.GET("/api/v1/reports/rules", { params: { query } }))),
  sla: (query: ReportQuery<"sla">) =>
    report("sla", query, () => call(api.GET("/api/v1/reports/sla", { params: { query } }))),
  reasons: (query: ReportQuery<"reasons">) =>
    report("reasons", query, () => call(api.GET("/api/v1/reports/reasons", { params: { query } }))),
  settings: () =>
    queryOptions({
      queryKey: [...reportQueries.all, "settings"] as const,
      queryFn: () => callData(api.GET("/api/v1/reports/settings")),
      staleTime: 60_000,
    }),
};

/** Starts (or joins) the analysis of past handoffs under the live model; answers its job. */
export async function analyseRuleHits(): Promise<string> {
  return (await callData(api.POST("/api/v1/reports/rules/analysis"))).jobId;
}

export function saveReportSettings(settings: ReportSettings) {
  return callData(api.PUT("/api/v1/reports/settings", { body: settings }));
}

export type AssistantInput = {
  target: OutcomeTarget;
  rate: number;
  capacity: number | null;
  /** The model judged: past handoffs scored under it (the server's default: live). */
  model?: "live" | "draft";
};

const getThreshold = (input: AssistantInput) =>
  callData(
    api.GET("/api/v1/recalibration/threshold", {
      params: {
        query: {
          target: input.target,
          rate: String(input.rate),
          capacity: input.capacity === null ? undefined : String(input.capacity),
          model: input.model,
        },
      },
    }),
  );
const getPredictive = () => callData(api.GET("/api/v1/predictive"));

export type ThresholdRecommendation = Awaited<ReturnType<typeof getThreshold>>;
export type ThresholdPoint = ThresholdRecommendation["curve"][number];
export type PredictiveSummary = NonNullable<Awaited<ReturnType<typeof getPredictive>>>;
export type DraftChanges =
  paths["/api/v1/recalibration/draft"]["post"]["requestBody"]["content"]["application/json"];

export const recalibrationQueries = {
  all: ["recalibration"] as const,
  threshold: (input: AssistantInput | null) =>
    queryOptions({
      queryKey: [...recalibrationQueries.all, "threshold", input] as const,
      queryFn: () => getThreshold(input!),
      enabled: input !== null,
      placeholderData: keepPreviousData,
    }),
  predictive: () =>
    queryOptions({
      queryKey: [...recalibrationQueries.all, "predictive"] as const,
      queryFn: getPredictive,
    }),
};

/**
 * Asks for training (a job in a worker) and waits up to 25 s: the new run when it finished,
 * else the job to follow.
 */
export async function trainPredictive(): Promise<
  { summary: PredictiveSummary } | { jobId: string }
> {
  const { data } = await call(
    api.POST("/api/v1/predictive/train", { headers: { prefer: "wait=25" } }),
  );
  return "jobId" in data ? { jobId: data.jobId } : { summary: data };
}

/** Writes picked suggestions into the draft model (never publishes). */
export function applyToDraft(changes: DraftChanges) {
  return callData(api.POST("/api/v1/recalibration/draft", { body: changes }));
}

/** Flagged attributes the predictive score includes anyway, knowingly (the whole list; applied at the next training). */
export function setIncludedAttributes(includedAttributes: string[]) {
  return callData(api.PUT("/api/v1/predictive/settings", { body: { includedAttributes } }));
}
