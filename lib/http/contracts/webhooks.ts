/** Contracts of outgoing webhooks: endpoints, their secrets, test events and the delivery log. */
import { z } from "zod";
import {
  createEndpointSchema,
  deliveriesQuerySchema,
  updateEndpointSchema,
} from "@/lib/domain/webhooks/schemas";
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_DISABLED_REASONS,
  WEBHOOK_ERROR_KINDS,
  WEBHOOK_EVENT_TYPES,
} from "@/lib/shared/vocabulary";
import { defineContract } from "../contract";
import { data } from "./common";

const at = z.iso.datetime();
const access = { permission: "webhooks:manage", scope: "webhooks:write" } as const;
const endpointParams = z.object({ id: z.guid().describe("The endpoint's id.") });

const signing =
  "Every request is signed per Standard Webhooks: headers `webhook-id` (the message's id, the same on every retry), `webhook-timestamp` (unix seconds of the attempt) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the endpoint's `whsec_` secret); the body is `{ type, timestamp, data }`. Any 2xx is success; anything else (redirects are not followed) is retried: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, then given up. 410 Gone disables the endpoint; so do 24 h without a success. Messages about one lead arrive in order.";

export const webhookEndpointSchema = z
  .object({
    id: z.guid(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    enabled: z.boolean(),
    disabledReason: z
      .enum(WEBHOOK_DISABLED_REASONS)
      .nullable()
      .describe("admin: turned off; failing: no success for 24 h; gone: it answered 410."),
    disabledAt: at.nullable(),
    secretPrefix: z.string().describe("The secret's first characters, to recognise it."),
    previousSecretUntil: at
      .nullable()
      .describe("After a rotation, the old secret also signs until then."),
    failingSince: at.nullable().describe("The first failure since the last success."),
    consecutiveFailures: z.number().int(),
    createdAt: at,
    updatedAt: at,
    pending: z.number().int().describe("Deliveries waiting to be sent or retried."),
    lastDelivery: z
      .object({
        status: z.enum(WEBHOOK_DELIVERY_STATUSES),
        at,
        responseStatus: z.number().int().nullable(),
      })
      .nullable(),
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookDeliverySchema = z
  .object({
    id: z.number().int(),
    messageId: z.string().describe("The `webhook-id` header."),
    type: z.string().describe("The event type, or webhook.test."),
    leadId: z.guid().nullable(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: at.nullable().describe("When it is tried next (pending only)."),
    lastAttemptAt: at.nullable(),
    responseStatus: z.number().int().nullable(),
    responseBody: z.string().nullable().describe("The receiver's answer, its first 2 KB."),
    latencyMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    errorKind: z
      .enum(WEBHOOK_ERROR_KINDS)
      .nullable()
      .describe("The last failure's kind: refused, closed, dns, timeout, redirect, gone, status…"),
    occurredAt: at.describe("When the change happened (the body's timestamp)."),
    createdAt: at,
    finishedAt: at.nullable(),
  })
  .meta({ id: "WebhookDelivery" });

export const listWebhooks = defineContract({
  operationId: "listWebhooks",
  method: "get",
  path: "/api/v1/webhooks",
  tag: "Webhooks",
  summary: "Webhook endpoints, newest first (never their secrets)",
  access,
  responses: {
    200: { description: "The endpoints", schema: data(z.array(webhookEndpointSchema)) },
  },
});

export const createWebhook = defineContract({
  operationId: "createWebhook",
  method: "post",
  path: "/api/v1/webhooks",
  tag: "Webhooks",
  summary: "Add an endpoint; its signing secret is in this answer only",
  description: signing,
  access,
  body: createEndpointSchema,
  responses: {
    201: {
      description: "The endpoint and its secret (`whsec_…`, shown once)",
      schema: data(webhookEndpointSchema.extend({ secret: z.string() })),
    },
  },
});

export const updateWebhook = defineContract({
  operationId: "updateWebhook",
  method: "patch",
  path: "/api/v1/webhooks/{id}",
  tag: "Webhooks",
  summary: "Change an endpoint's address, description or events; enable or disable it",
  description:
    "`enabled: true` on a disabled endpoint clears its failures and sends what waited for it at once.",
  access,
  params: endpointParams,
  body: updateEndpointSchema,
  responses: { 200: { description: "The endpoint", schema: data(webhookEndpointSchema) } },
});

export const deleteWebhook = defineContract({
  operationId: "deleteWebhook",
  method: "delete",
  path: "/api/v1/webhooks/{id}",
  tag: "Webhooks",
  summary: "Remove an endpoint and its delivery log",
  access,
  params: endpointParams,
  responses: { 204: { description: "Removed" } },
});

export const rotateWebhookSecret = defineContract({
  operationId: "rotateWebhookSecret",
  method: "post",
  path: "/api/v1/webhooks/{id}/rotate-secret",
  tag: "Webhooks",
  summary: "A new signing secret (shown once); the old one also signs for 24 h",
  access,
  params: endpointParams,
  responses: {
    200: {
      description: "The new secret",
      schema: data(
        z.object({ secret: z.string(), secretPrefix: z.string(), previousSecretUntil: at }),
      ),
    },
  },
});

export const sendWebhookTest = defineContract({
  operationId: "sendWebhookTest",
  method: "post",
  path: "/api/v1/webhooks/{id}/test",
  tag: "Webhooks",
  summary: "Queue a webhook.test event to this endpoint alone",
  description: "Signed and retried like any event; follow it in the delivery log.",
  access,
  params: endpointParams,
  errors: ["conflict"],
  responses: {
    202: { description: "The queued delivery", schema: data(webhookDeliverySchema) },
  },
});

export const listWebhookDeliveries = defineContract({
  operationId: "listWebhookDeliveries",
  method: "get",
  path: "/api/v1/webhooks/{id}/deliveries",
  tag: "Webhooks",
  summary: "An endpoint's delivery log, newest first",
  access,
  params: endpointParams,
  query: deliveriesQuerySchema,
  responses: {
    200: {
      description: "A page of deliveries",
      schema: z.object({
        data: z.array(webhookDeliverySchema),
        nextCursor: z.string().nullable().describe("Pass as `cursor` for older deliveries."),
      }),
    },
  },
});

export const resendWebhookDelivery = defineContract({
  operationId: "resendWebhookDelivery",
  method: "post",
  path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/resend",
  tag: "Webhooks",
  summary: "Send a finished delivery again (same webhook-id, fresh attempts)",
  access,
  params: endpointParams.extend({
    deliveryId: z.coerce.number().int().positive().describe("The delivery's id."),
  }),
  errors: ["conflict"],
  responses: {
    200: { description: "The delivery, pending again", schema: data(webhookDeliverySchema) },
  },
});

export const WEBHOOKS_CONTRACTS = [
  listWebhooks,
  createWebhook,
  updateWebhook,
  deleteWebhook,
  rotateWebhookSecret,
  sendWebhookTest,
  listWebhookDeliveries,
  resendWebhookDelivery,
];
