"use client";

/**
 * Client data for the dashboards: each report is one GET with the page's filters; the filters
 * live in the URL (shareable, back button works). Previous data stays on screen while the next
 * filter's answer loads.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "@/components/rules/use-scoring";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import type { PredictiveSummary, ThresholdRecommendation } from "@/lib/domain/predict/types";
import type { Grain, ReportSettingsView, Split } from "@/lib/domain/reports/types";

export type Filters = { from: string; to: string; team: string; rep: string; grain: Grain };

export function filterParams(f: Filters, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({
    from: f.from,
    to: f.to,
    team: f.team,
    rep: f.rep,
    grain: f.grain,
    ...extra,
  }))
    if (v) params.set(k, v);
  return params;
}

/** The report's JSON, or its CSV download address. */
export const reportUrl = (report: string, params: URLSearchParams, format?: "csv") =>
  `/api/v1/reports/${report}?${format ? new URLSearchParams([...params, ["format", "csv"]]) : params}`;

export function useReport<T>(report: string, params: URLSearchParams, enabled = true) {
  return useQuery({
    queryKey: ["reports", report, params.toString()],
    queryFn: () => api<T>(reportUrl(report, params)),
    placeholderData: (previous) => previous,
    enabled,
    staleTime: 30_000,
  });
}

export function useReportSettings() {
  return useQuery({
    queryKey: ["reports", "settings"],
    queryFn: () => api<ReportSettingsView>("/api/v1/reports/settings"),
    staleTime: 60_000,
  });
}

export function useSaveReportSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ReportSettingsView>) =>
      api<ReportSettingsView>("/api/v1/reports/settings", {
        method: "PUT",
        body: JSON.stringify(body),
      }),
    onSuccess: (data) => {
      client.setQueryData(["reports", "settings"], data);
      void client.invalidateQueries({ queryKey: ["reports"] });
    },
  });
}

export type AssistantInput = { target: OutcomeTarget; rate: number; capacity: number | null };

export function useThresholdAssistant(input: AssistantInput | null) {
  return useQuery({
    queryKey: ["recalibration", "threshold", input],
    queryFn: () => {
      const params = new URLSearchParams({ target: input!.target, rate: String(input!.rate) });
      if (input!.capacity !== null) params.set("capacity", String(input!.capacity));
      return api<ThresholdRecommendation>(`/api/v1/recalibration/threshold?${params}`);
    },
    enabled: input !== null,
    placeholderData: (previous) => previous,
  });
}

export function usePredictive() {
  return useQuery({
    queryKey: ["predictive"],
    queryFn: () => api<PredictiveSummary | null>("/api/v1/predictive"),
  });
}

export function useTrain() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<PredictiveSummary>("/api/v1/predictive/train", { method: "POST", body: "{}" }),
    onSuccess: (data) => client.setQueryData(["predictive"], data),
  });
}

export type DraftChanges = {
  mqlThreshold?: number;
  rules?: { ruleId: string; points: number }[];
  newRules?: PredictiveSummary["suggestions"]["newRules"][number]["rule"][];
  note?: string;
};

export function useCreateDraft() {
  return useMutation({
    mutationFn: (body: DraftChanges) =>
      api<{ changed: string[] }>("/api/v1/recalibration/draft", {
        method: "POST",
        body: JSON.stringify(body),
      }),
  });
}

export type { Split };

/** An API refusal with the reasons the server gave for each field, for an alert line. */
export function errorText(error: Error): string {
  const fields =
    error instanceof ApiError && error.fields ? Object.values(error.fields).flat() : [];
  return [error.message, ...fields].join(" ");
}
