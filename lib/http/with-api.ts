/**
 * Every route handler is bound to its contract with `withApi(contract, handler)`. From the
 * contract alone it authenticates — an API key in `Authorization: Bearer …` (or, for
 * Segment-style clients, as the Basic username) or the session cookie — and answers 401 without
 * either; checks the key's scope or the person's permission (403); validates path parameters
 * (404), query and body (400 with field errors); and turns any thrown error into the stable JSON
 * shape of lib/shared/errors.ts. The handler answers through `reply`, typed by the contract's
 * responses (and, when ACCORD_CHECK_RESPONSES is on, checked against them at run time).
 *
 * Around that: a cookie-authenticated mutation must come from Accord's own pages (same-origin.ts);
 * each API key has a per-minute quota (429 with Retry-After, RateLimit-* headers on every answer);
 * every answer carries `Cache-Control: no-store` (unless the route says otherwise) and the request
 * id its log lines carry (`X-Request-Id`).
 */
import type { z } from "zod";
import { getDb } from "@/db/client";
import { verifyApiKey } from "@/lib/domain/api-keys/api-keys";
import type { Actor, Principal } from "@/lib/auth/principal";
import { can } from "@/lib/auth/permissions";
import type { Quota } from "@/lib/auth/api-quota";
import { appLimits } from "@/lib/auth/limits";
import { getActor } from "@/lib/auth/session";
import { checkResponsesEnabled } from "@/lib/infra/env";
import { currentRequestId, securityEvent, withRequestId } from "@/lib/infra/log";
import { AppError, validationError } from "@/lib/shared/errors";
import type { Access, Contract, ResponseBody, SuccessStatus } from "./contract";
import { refuseNul, refuseNullBody } from "./input-guard";
import { quotaHeaders, tooManyRequests } from "./rate-limit-headers";
import { readJson, readOptionalJson } from "./read-json";
import { toResponse } from "./respond";
import { refuseCrossSite } from "./same-origin";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type HandlerContext<C extends Contract> = {
  request: Request;
  principal: Principal;
  /** The signed-in person; always set on session-only contracts. */
  user: C["access"] extends { session: true } ? Actor : Actor | null;
  params: Out<C["params"]>;
  query: Out<C["query"]>;
  body: Out<C["body"]>;
  /** Answers with JSON the contract declares for this status. */
  reply: <S extends SuccessStatus<C>>(
    status: S,
    body: ResponseBody<C, S>,
    init?: { headers?: HeadersInit },
  ) => Response;
};

export type RouteHandler = ((
  request: Request,
  context?: { params: Promise<Record<string, string>> },
) => Promise<Response>) & { contract: Contract };

/** The API key in the request, if any: Bearer token, or HTTP Basic username (Segment's write key). */
export function apiKeyFrom(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const [scheme, value = ""] = header.split(" ", 2);
  if (/^bearer$/i.test(scheme)) return value.trim();
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    return decoded.split(":")[0] ?? "";
  }
  return "";
}

export async function authenticate(
  request: Request,
  access: Access,
  expectedBodyType?: string,
): Promise<Principal | null> {
  if (access.public) return null;
  const key = apiKeyFrom(request);
  if (key !== null) {
    const found = key ? await verifyApiKey(await getDb(), key) : null;
    if (!found) {
      securityEvent("api_key.refused", { reason: key ? "unknown" : "empty" });
      throw new AppError("unauthorized", "The API key is missing, malformed, revoked or unknown.");
    }
    noteKeyUse(found.id);
    if (!access.scope)
      throw refused("This endpoint is for signed-in users, not API keys.", { apiKeyId: found.id });
    if (access.scope !== "any" && !found.scopes.includes(access.scope))
      throw refused(`This API key lacks the "${access.scope}" scope.`, { apiKeyId: found.id });
    return { kind: "key", key: { apiKeyId: found.id, name: found.name, scopes: found.scopes } };
  }
  const actor = await getActor();
  if (!actor) throw new AppError("unauthorized", "Sign in or send a valid API key.");
  if (!access.permission) throw refused("This endpoint takes an API key.", { userId: actor.id });
  if (!can(actor.role, access.permission))
    throw refused("Your role does not allow this action.", { userId: actor.id });
  try {
    refuseCrossSite(request, expectedBodyType);
  } catch (error) {
    securityEvent("request.refused", { userId: actor.id, reason: "cross-site" });
    throw error;
  }
  return { kind: "user", user: actor };
}

/** A 403, logged as a security event. */
function refused(message: string, who: { userId?: string; apiKeyId?: string }): AppError {
  securityEvent("request.refused", { ...who, reason: "forbidden" });
  return new AppError("forbidden", message);
}

/** Key use is logged at most once a minute per key and process (ingestion sends many a second). */
const keyUseLogged = new Map<string, number>();
function noteKeyUse(apiKeyId: string) {
  const now = Date.now();
  if ((keyUseLogged.get(apiKeyId) ?? 0) > now - 60_000) return;
  if (keyUseLogged.size > 10_000) keyUseLogged.clear();
  keyUseLogged.set(apiKeyId, now);
  securityEvent("api_key.used", { apiKeyId });
}

/** Counts the request against its key's per-minute quota; 429 beyond it. */
async function takeQuota(principal: Principal | null): Promise<Quota | null> {
  if (principal?.kind !== "key") return null;
  const { api } = await appLimits();
  if (!api) return null;
  const quota = await api.take(principal.key.apiKeyId);
  if (quota.exceeded) {
    securityEvent("rate_limit.exceeded", { apiKeyId: principal.key.apiKeyId, limit: quota.limit });
    throw tooManyRequests(quota);
  }
  return quota;
}

/** Headers every API answer carries; a route's own Cache-Control (e.g. an export) is kept. */
function finish(response: Response, quota: Quota | null): Response {
  const extra: Record<string, string> = { ...(quota ? quotaHeaders(quota) : {}) };
  const requestId = currentRequestId();
  if (requestId) extra["X-Request-Id"] = requestId;
  try {
    if (!response.headers.has("cache-control")) response.headers.set("Cache-Control", "no-store");
    for (const [name, value] of Object.entries(extra))
      if (!response.headers.has(name)) response.headers.set(name, value);
    return response;
  } catch {
    // Immutable headers (a fetched response passed through): copy them.
    const headers = new Headers(response.headers);
    if (!headers.has("cache-control")) headers.set("Cache-Control", "no-store");
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  }
}

function parseOr<S extends z.ZodType>(schema: S, raw: unknown, fail: (e: z.ZodError) => AppError) {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fail(parsed.error);
  return parsed.data;
}

async function readJsonBody(request: Request, contract: Contract): Promise<unknown> {
  const max = contract.maxBodyBytes ?? 1_000_000;
  return contract.bodyOptional ? readOptionalJson(request, max) : readJson(request, max);
}

/** A route that reads no body still refuses a declared one beyond its limit (413), unread. */
function refuseLargeDeclaredBody(request: Request, contract: Contract) {
  const max = contract.maxBodyBytes ?? 1_000_000;
  if (Number(request.headers.get("content-length")) > max)
    throw new AppError("payload_too_large", `The body is larger than ${max} bytes.`);
}

function replier(contract: Contract) {
  return (status: number, body: unknown, init?: { headers?: HeadersInit }) => {
    const schema = contract.responses[status]?.schema;
    if (checkResponsesEnabled() && schema) {
      // As the client will read it: dates become strings, undefined fields disappear.
      const checked = schema.safeParse(JSON.parse(JSON.stringify(body)));
      if (!checked.success) {
        console.error(
          `[accord] ${contract.operationId} answered ${status} outside its contract`,
          JSON.stringify(checked.error.issues.slice(0, 5)),
        );
        throw new Error(`Response of ${contract.operationId} does not match its contract.`);
      }
    }
    return Response.json(body, { status, headers: init?.headers });
  };
}

export function withApi<const C extends Contract>(
  contract: C,
  handler: (ctx: HandlerContext<C>) => Promise<Response> | Response,
): RouteHandler {
  const run = (request: Request, context?: { params: Promise<Record<string, string>> }) =>
    withRequestId(request.headers.get("x-request-id"), () => serve(request, context));
  const serve = async (request: Request, context?: { params: Promise<Record<string, string>> }) => {
    let quota: Quota | null = null;
    try {
      const principal = await authenticate(
        request,
        contract.access,
        contract.rawBody?.contentType ?? "application/json",
      );
      quota = await takeQuota(principal);
      const rawParams = (await context?.params) ?? {};
      refuseNul(rawParams, "address");
      const params = contract.params
        ? parseOr(
            contract.params,
            rawParams,
            () => new AppError("not_found", "Nothing at this address."),
          )
        : undefined;
      const rawQuery = Object.fromEntries(new URL(request.url).searchParams);
      refuseNul(rawQuery, "query string");
      const query = contract.query
        ? parseOr(contract.query, rawQuery, (e) =>
            validationError(e, "The query string is not valid."),
          )
        : undefined;
      let body: unknown = undefined;
      if (!contract.body && !contract.rawBody) refuseLargeDeclaredBody(request, contract);
      if (contract.body) {
        const raw = refuseNullBody(await readJsonBody(request, contract), contract.bodyOptional);
        refuseNul(raw, "request body", contract.batchItems);
        body =
          raw === undefined
            ? undefined
            : parseOr(contract.body, raw, (e) =>
                validationError(e, "The request body is not valid."),
              );
      }
      const ctx = {
        request,
        principal: principal as Principal,
        user: principal?.kind === "user" ? principal.user : null,
        params,
        query,
        body,
        reply: replier(contract),
      } as unknown as HandlerContext<C>;
      return finish(await handler(ctx), quota);
    } catch (error) {
      return finish(toResponse(error), quota);
    }
  };
  return Object.assign(run, { contract });
}
