/** Background jobs seen from the browser: a job's state polled until it ends (progress bars). */
import { queryOptions } from "@tanstack/react-query";
import { api, callData } from "../api";
import type { components } from "../api-schema";

export type JobView = components["schemas"]["Job"];

const FINISHED = new Set<JobView["state"]>(["done", "failed", "cancelled"]);

export const isFinished = (job: JobView | undefined) => Boolean(job && FINISHED.has(job.state));

export const jobQueries = {
  all: ["jobs"] as const,
  /** Polled every half second while the job is queued or running. */
  one: (id: string | null) =>
    queryOptions({
      queryKey: [...jobQueries.all, id] as const,
      queryFn: () => callData(api.GET("/api/v1/jobs/{id}", { params: { path: { id: id! } } })),
      enabled: id !== null,
      refetchInterval: (query) => (isFinished(query.state.data) ? false : 500),
    }),
};

/** The latest jobs (admins and managers), refreshed every few seconds while any is unfinished. */
export const recentJobs = (state?: JobView["state"]) =>
  queryOptions({
    queryKey: [...jobQueries.all, "recent", state ?? "all"] as const,
    queryFn: () =>
      callData(
        api.GET("/api/v1/jobs", { params: { query: { limit: 30, ...(state ? { state } : {}) } } }),
      ),
    refetchInterval: (query) => (query.state.data?.some((j) => !isFinished(j)) ? 3_000 : 15_000),
  });

export async function cancelJob(id: string): Promise<JobView> {
  return callData(api.POST("/api/v1/jobs/{id}/cancel", { params: { path: { id } } }));
}
