/**
 * The scoring model over the API: the draft (one cache entry, shared by the rule editor, the
 * threshold designer and the history), its impact preview, the pickers' suggestions, the
 * published versions, and the threshold designer's evidence. Keys all start with "scoring".
 */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { api, call, callData } from "../api";
import type { components } from "../api-schema";

const getDraft = () => callData(api.GET("/api/v1/scoring-model/draft"));
const getVersions = () => callData(api.GET("/api/v1/scoring-model/versions"));
const getVersion = (version: number) =>
  callData(
    api.GET("/api/v1/scoring-model/versions/{version}", {
      params: { path: { version: String(version) } },
    }),
  );
const getSuggestions = (event?: string) =>
  callData(api.GET("/api/v1/scoring-model/suggestions", { params: { query: { event } } }));
const getEvidence = () =>
  callData(api.GET("/api/v1/thresholds/evidence", { params: { query: { model: "draft" } } }));

/** A short key of what in a model gives scores (rules and caps): equal models, equal keys. */
export function scoresKey(model: Pick<ScoringModel, "rules" | "caps"> | null): string {
  if (!model) return "";
  const text = JSON.stringify([model.rules, model.caps]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(36)}`;
}

/** The draft as GET answers it: a valid model, or (saved under an older schema) the raw document. */
export type Draft = Awaited<ReturnType<typeof getDraft>>;
export type ModelDocument = components["schemas"]["ScoringModelOutput"];
export type VersionSummary = Awaited<ReturnType<typeof getVersions>>[number];
export type VersionDoc = Awaited<ReturnType<typeof getVersion>>;
export type ThresholdEvidence = Awaited<ReturnType<typeof getEvidence>>;
export type Preview = Awaited<ReturnType<typeof previewModel>>;
type PublishAnswer = Awaited<ReturnType<typeof publishDraft>>;
/** What a finished publish did (the answer when the client waited, or the job's result). */
export type Published = Extract<PublishAnswer, { leadsRescored: number }>;
/** A publish under way: its version and the job building it. */
export type PublishStarted = Extract<PublishAnswer, { jobId: string }>;

// One operation answers two shapes, by whether `event` was asked; each query keeps its own.
type SuggestionsAnswer = Awaited<ReturnType<typeof getSuggestions>>;
export type Suggestions = Extract<SuggestionsAnswer, { events: unknown }>;
export type PropertySuggestion = Extract<
  SuggestionsAnswer,
  { properties: unknown }
>["properties"][number];
export type Counted = Suggestions["events"][number];

const noSuggestions: Suggestions = { events: [], fields: [], traits: [] };

export type PreviewAgainst = "live" | "draft";

/**
 * The model's effect compared with the live model, or with the saved draft (one edit's own
 * effect). `signal`: a preview overtaken by the next keystroke is aborted, not waited for.
 */
export function previewModel(model: ScoringModel, against: PreviewAgainst, signal?: AbortSignal) {
  return callData(
    api.POST("/api/v1/scoring-model/draft/preview", {
      body: model,
      params: { query: { against } },
      signal,
    }),
  );
}

/** Saves against the revision the page holds: someone else's save in between answers 409. */
export function saveDraft(model: ScoringModel, revision: number) {
  return callData(
    api.PUT("/api/v1/scoring-model/draft", {
      body: model,
      headers: { "if-match": String(revision) },
    }),
  );
}

/**
 * Starts a publish: the answer is the job rescoring every lead (follow it with jobQueries.one), or
 * — when `waitSeconds` is given and it finished in time — what publishing did.
 */
export async function publishDraft(note: string, waitSeconds = 0) {
  const { data } = await call(
    api.POST("/api/v1/scoring-model/publish", {
      body: { note },
      ...(waitSeconds ? { headers: { prefer: `wait=${waitSeconds}` } } : {}),
    }),
  );
  return data;
}

/** Copies a published version into the draft; the answer is the new draft. */
export function restoreVersion(version: number) {
  return callData(
    api.POST("/api/v1/scoring-model/versions/{version}/restore", {
      params: { path: { version: String(version) } },
    }),
  );
}

export const scoringQueries = {
  all: ["scoring"] as const,
  draft: () =>
    queryOptions({ queryKey: [...scoringQueries.all, "draft"] as const, queryFn: getDraft }),
  /**
   * The impact of a candidate model; the last answer stays on screen while the next computes.
   * Keyed by the live version too: after a publish the same draft compares with a new live model.
   */
  preview: (model: ScoringModel | null, against: PreviewAgainst, liveVersion: number | null) =>
    queryOptions({
      queryKey: [
        ...scoringQueries.all,
        "preview",
        against,
        liveVersion,
        model ? JSON.stringify(model) : "none",
      ] as const,
      queryFn: ({ signal }) => previewModel(model!, against, signal),
      enabled: model !== null,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
  suggestions: () =>
    queryOptions({
      queryKey: [...scoringQueries.all, "suggestions"] as const,
      queryFn: async () => {
        const answer = await getSuggestions();
        return "events" in answer ? answer : noSuggestions;
      },
      staleTime: 5 * 60_000,
    }),
  properties: (event: string) =>
    queryOptions({
      queryKey: [...scoringQueries.all, "suggestions", event] as const,
      queryFn: async () => {
        const answer = await getSuggestions(event);
        return "properties" in answer ? answer.properties : [];
      },
      enabled: event.trim().length > 0,
      staleTime: 5 * 60_000,
    }),
  versions: () =>
    queryOptions({ queryKey: [...scoringQueries.all, "versions"] as const, queryFn: getVersions }),
  /** Published versions never change: fetched once. */
  version: (version: number) =>
    queryOptions({
      queryKey: [...scoringQueries.all, "versions", version] as const,
      queryFn: () => getVersion(version),
      staleTime: Infinity,
    }),
  /**
   * The designer's evidence: past handoffs backtested under the saved draft. `scores`: what of the
   * draft gives scores (scoresKey) — a rule edit is another backtest, a threshold edit is not.
   */
  evidence: (scores = "") =>
    queryOptions({
      queryKey: [...scoringQueries.all, "threshold-evidence", scores] as const,
      queryFn: getEvidence,
      staleTime: 60_000,
      placeholderData: keepPreviousData,
    }),
};
