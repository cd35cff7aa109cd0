/** Outgoing webhooks over the API: endpoints, their delivery logs, and what an admin does to them. */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, call, callData } from "@/lib/client/api";
import type { operations } from "@/lib/client/api-schema";

type JsonBody<O extends keyof operations> = operations[O] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;

const fetchEndpoints = () => callData(api.GET("/api/v1/webhooks"));

export type WebhookEndpoint = Awaited<ReturnType<typeof fetchEndpoints>>[number];
export type WebhookEndpointInput = JsonBody<"createWebhook">;
export type WebhookEndpointPatch = JsonBody<"updateWebhook">;

const PAGE = 20;

const fetchDeliveries = (id: string, cursor: string | null) =>
  call(
    api.GET("/api/v1/webhooks/{id}/deliveries", {
      params: {
        path: { id },
        query: { limit: PAGE, cursor: cursor === null ? undefined : Number(cursor) },
      },
    }),
  );

export type DeliveryPage = Awaited<ReturnType<typeof fetchDeliveries>>;
export type WebhookDelivery = DeliveryPage["data"][number];

const webhooks = ["webhooks"] as const;

export const webhookQueries = {
  all: webhooks,
  list: () => queryOptions({ queryKey: [...webhooks, "list"], queryFn: fetchEndpoints }),
  /** Newest first, a page at a time. */
  deliveries: (id: string) =>
    infiniteQueryOptions({
      queryKey: [...webhooks, "deliveries", id],
      queryFn: ({ pageParam }) => fetchDeliveries(id, pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

/** The answer carries the signing secret, shown once. */
export const createWebhook = (input: WebhookEndpointInput) =>
  callData(api.POST("/api/v1/webhooks", { body: input }));

export const updateWebhook = (id: string, patch: WebhookEndpointPatch) =>
  callData(api.PATCH("/api/v1/webhooks/{id}", { params: { path: { id } }, body: patch }));

export const deleteWebhook = async (id: string): Promise<void> => {
  await call(api.DELETE("/api/v1/webhooks/{id}", { params: { path: { id } } }));
};

export const rotateWebhookSecret = (id: string) =>
  callData(api.POST("/api/v1/webhooks/{id}/rotate-secret", { params: { path: { id } } }));

export const sendWebhookTest = (id: string) =>
  callData(api.POST("/api/v1/webhooks/{id}/test", { params: { path: { id } } }));

export const resendWebhookDelivery = (id: string, deliveryId: number) =>
  callData(
    api.POST("/api/v1/webhooks/{id}/deliveries/{deliveryId}/resend", {
      params: { path: { id, deliveryId } },
    }),
  );
