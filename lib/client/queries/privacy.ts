/** Privacy over the API: erasing a lead, the event retention setting and running it now. */
import { queryOptions } from "@tanstack/react-query";
import { api, callData } from "@/lib/client/api";

export const eraseLead = (id: string) =>
  callData(api.DELETE("/api/v1/leads/{id}", { params: { path: { id } } }));

/** Where the browser downloads everything held on a lead (a JSON attachment). */
export const leadExportHref = (id: string) => `/api/v1/leads/${encodeURIComponent(id)}/export`;

export const retentionQueries = {
  all: ["privacy", "retention"] as const,
  setting: () =>
    queryOptions({
      queryKey: retentionQueries.all,
      queryFn: () => callData(api.GET("/api/v1/privacy/retention")),
    }),
};

export const saveRetention = (eventRetentionMonths: number | null) =>
  callData(api.PUT("/api/v1/privacy/retention", { body: { eventRetentionMonths } }));

export const runRetention = () => callData(api.POST("/api/v1/privacy/retention/run"));
