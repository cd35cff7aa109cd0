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

export async function cancelJob(id: string): Promise<JobView> {
  return callData(api.POST("/api/v1/jobs/{id}/cancel", { params: { path: { id } } }));
}
