/**
 * The OpenAPI 3.1 document of Accord's API, generated from the contracts (contracts/index.ts) —
 * the same zod schemas and access rules the routes run with, so it cannot drift from them. The
 * browser's typed client (lib/client/api-schema.d.ts) is generated from this document.
 */
import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from "zod-openapi";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { API_SCOPES } from "@/lib/auth/scopes";
import { ERROR_STATUS, type ErrorCode } from "@/lib/shared/errors";
import type { Contract } from "./contract";
import { ALL_CONTRACTS, TAGS } from "./contracts";
import { errorResponseSchema } from "./contracts/common";

const ERROR_TEXT: Partial<Record<number, string>> = {
  400: "Invalid input, with the field errors",
  401: "No valid API key or session",
  403: "The key lacks the scope, or the role the permission",
  404: "Not found, or not visible to you",
  409: "Conflicts with the current state",
  413: "The body is too large",
  422: "Understood but refused, with the reasons",
  429: "Too many requests",
  503: "Temporarily unavailable",
};

function errorStatuses(contract: Contract): number[] {
  const codes = new Set<ErrorCode>(contract.errors ?? []);
  if (!contract.access.public) {
    codes.add("unauthorized");
    codes.add("forbidden");
    // While the database is unreachable (with Retry-After).
    codes.add("service_unavailable");
  }
  // Each API key's per-minute quota (with Retry-After and RateLimit-* headers).
  if (contract.access.scope) codes.add("rate_limited");
  if (contract.params) codes.add("not_found");
  if (contract.query || contract.body) codes.add("validation_failed");
  if (contract.body || contract.rawBody) codes.add("payload_too_large");
  return [...codes].map((code) => ERROR_STATUS[code]).sort((a, b) => a - b);
}

function security(contract: Contract) {
  const { access } = contract;
  if (access.public) return [];
  const out: Record<string, string[]>[] = [];
  const scopes = access.scope && access.scope !== "any" ? [access.scope] : [];
  if (access.scope) out.push({ apiKey: scopes });
  if (access.scope && contract.rawBody) out.push({ basicWriteKey: scopes });
  if (access.permission) out.push({ session: [] });
  return out;
}

function accessText(contract: Contract): string {
  const { access } = contract;
  if (access.public) return "No authentication.";
  const parts: string[] = [];
  if (access.permission)
    parts.push(`Signed-in roles: ${PERMISSIONS[access.permission].join(", ")}.`);
  if (access.scope === "any")
    parts.push("API keys with any scope, for the objects their scopes reach.");
  else if (access.scope) parts.push(`API keys with the \`${access.scope}\` scope.`);
  else parts.push("Not for API keys.");
  return parts.join(" ");
}

function operation(contract: Contract): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, spec] of Object.entries(contract.responses)) {
    const content: Record<string, { schema: z.ZodType }> = {};
    if (spec.schema) content["application/json"] = { schema: spec.schema };
    if (spec.alternative)
      content[spec.alternative.contentType] = {
        schema: z.string().meta({ description: spec.alternative.description }),
      };
    responses[status] = {
      description: spec.description,
      ...(Object.keys(content).length ? { content } : {}),
      ...(spec.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(spec.headers).map(([name, description]) => [
                name,
                { description, schema: { type: "string" } },
              ]),
            ),
          }
        : {}),
    };
  }
  for (const status of errorStatuses(contract)) {
    responses[String(status)] ??= {
      description: ERROR_TEXT[status] ?? "Error",
      content: { "application/json": { schema: errorResponseSchema } },
    };
  }
  const body = contract.documentedBody ?? contract.body;
  const requestBody = body
    ? { required: !contract.bodyOptional, content: { "application/json": { schema: body } } }
    : contract.rawBody
      ? {
          required: true,
          content: {
            [contract.rawBody.contentType]: { schema: contract.rawBody.schema ?? z.string() },
          },
        }
      : undefined;
  return {
    operationId: contract.operationId,
    summary: contract.summary,
    description: [contract.description, accessText(contract), contract.note]
      .filter(Boolean)
      .join("\n\n"),
    tags: [contract.tag],
    security: security(contract),
    ...(contract.params || contract.query
      ? {
          requestParams: {
            ...(contract.params ? { path: contract.params } : {}),
            ...(contract.query ? { query: contract.query } : {}),
          },
        }
      : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    ...(contract.access.permission ? { "x-accord-permission": contract.access.permission } : {}),
  };
}

export function openApiDocument(serverUrl: string, contracts: readonly Contract[] = ALL_CONTRACTS) {
  const paths: ZodOpenApiPathsObject = {};
  for (const contract of contracts) {
    paths[contract.path] = { ...paths[contract.path], [contract.method]: operation(contract) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Accord API",
      version: "1.0.0",
      description:
        "Lead scoring with receipts, and the agreement between marketing and sales built on it. Send events and leads, read scores and explanations, manage the scoring model, work the MQL inbox and read the reports. Authenticate with `Authorization: Bearer <API key>` (or, in the web app, the session cookie). Errors are `{ error: { code, message, fields? } }`.",
      license: { name: "Proprietary", identifier: "LicenseRef-Accord" },
    },
    servers: [{ url: serverUrl }],
    tags: TAGS,
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `An Accord API key (acc_…). Scopes: ${API_SCOPES.join(", ")}.`,
        },
        basicWriteKey: {
          type: "http",
          scheme: "basic",
          description: "Segment-style: the API key as the Basic username, empty password.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "A signed-in person's session (the web app).",
        },
      },
    },
    paths,
  });
}
