/** Contracts of administration: API keys, health, the OpenAPI document and the e2e test clock. */
import { z } from "zod";
import { createApiKeySchema } from "@/lib/domain/api-keys/api-keys";
import { API_SCOPES } from "@/lib/auth/scopes";
import { defineContract } from "../contract";
import { data } from "./common";

const at = z.iso.datetime();

export const apiKeySchema = z.object({
  id: z.guid(),
  name: z.string(),
  prefix: z.string().describe("The first characters of the secret, to recognise it."),
  scopes: z.array(z.enum(API_SCOPES)),
  createdAt: at,
  lastUsedAt: at.nullable(),
  revokedAt: at.nullable(),
  createdBy: z.string().nullable().describe("Who created it (null for the CLI)."),
});

export const listApiKeys = defineContract({
  operationId: "listApiKeys",
  method: "get",
  path: "/api/v1/api-keys",
  tag: "Administration",
  summary: "API keys, newest first (never their secrets)",
  access: { permission: "api-keys:manage", session: true },
  responses: { 200: { description: "The keys", schema: data(z.array(apiKeySchema)) } },
});

export const createApiKey = defineContract({
  operationId: "createApiKey",
  method: "post",
  path: "/api/v1/api-keys",
  tag: "Administration",
  summary: "Create an API key; its secret is in this answer only",
  access: { permission: "api-keys:manage", session: true },
  body: createApiKeySchema,
  responses: {
    201: {
      description: "The key and its secret (shown once)",
      schema: data(
        z.object({
          id: z.guid(),
          name: z.string(),
          scopes: z.array(z.enum(API_SCOPES)),
          secret: z.string(),
        }),
      ),
    },
  },
});

export const revokeApiKey = defineContract({
  operationId: "revokeApiKey",
  method: "delete",
  path: "/api/v1/api-keys/{id}",
  tag: "Administration",
  summary: "Revoke an API key: it stops working at once",
  access: { permission: "api-keys:manage", session: true },
  params: z.object({ id: z.guid() }),
  responses: { 204: { description: "Revoked" } },
});

export const getHealth = defineContract({
  operationId: "getHealth",
  method: "get",
  path: "/api/health",
  tag: "Administration",
  summary: "Liveness and database reachability, for load balancers",
  access: { public: true },
  errors: ["service_unavailable"],
  responses: {
    200: {
      description: "Up",
      schema: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }),
    },
  },
});

export const getOpenApi = defineContract({
  operationId: "getOpenApiDocument",
  method: "get",
  path: "/api/v1/openapi.json",
  tag: "Administration",
  summary: "This document",
  access: { public: true },
  responses: {
    200: {
      description: "The OpenAPI 3.1 document",
      schema: z.looseObject({
        openapi: z.string(),
        info: z.looseObject({ title: z.string(), version: z.string() }),
        paths: z.record(z.string(), z.unknown()),
      }),
    },
  },
});

const clockNote =
  "Answers 404 unless the server runs with ACCORD_TEST_CLOCK set; never set it in production.";

export const getTestClock = defineContract({
  operationId: "getTestClock",
  method: "get",
  path: "/api/v1/test/clock",
  tag: "Administration",
  summary: "End-to-end tests only: the app's clock",
  note: clockNote,
  access: { public: true },
  errors: ["not_found"],
  responses: { 200: { description: "The app's time", schema: data(z.object({ now: at })) } },
});

export const setTestClock = defineContract({
  operationId: "setTestClock",
  method: "post",
  path: "/api/v1/test/clock",
  tag: "Administration",
  summary: "End-to-end tests only: move the app's clock and run the SLA sweep",
  note: clockNote,
  access: { public: true },
  bodyOptional: true,
  body: z.union([
    z.object({ at: z.iso.datetime({ offset: true }) }).strict(),
    z.object({ advanceMinutes: z.number().int().min(-525_600).max(525_600) }).strict(),
    z.object({ reset: z.literal(true) }).strict(),
  ]),
  errors: ["not_found"],
  responses: {
    200: {
      description: "The app's time and what the sweep did",
      schema: data(
        z.object({
          now: at,
          breaches: z.number().int(),
          notified: z.number().int(),
          reassigned: z.number().int(),
        }),
      ),
    },
  },
});

export const ADMIN_CONTRACTS = [
  listApiKeys,
  createApiKey,
  revokeApiKey,
  getHealth,
  getOpenApi,
  getTestClock,
  setTestClock,
];
