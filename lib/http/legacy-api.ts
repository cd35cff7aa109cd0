/**
 * TEMPORARY (removed when every route has its contract): the options-based wrapper routes used
 * before contracts. Every route handler goes through `withLegacyApi`. It authenticates — an API key in
 * `Authorization: Bearer …` (or, for Segment-style clients, as the Basic username) or the
 * session cookie — and answers 401 JSON without either; checks the key's scope or the user's
 * permission (403 JSON); validates query and body with zod (400 with field errors); and turns any
 * thrown error into the stable JSON shape of lib/shared/errors.ts.
 */
import { z } from "zod";
import { getDb } from "@/db/client";
import { verifyApiKey } from "@/lib/domain/api-keys/api-keys";
import type { ApiScope } from "@/lib/auth/scopes";
import { AppError, validationError } from "@/lib/shared/errors";
import { toResponse } from "./respond";
import type { Principal } from "@/lib/auth/principal";
import { can, type Permission } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";

type Handler<Q, B> = (ctx: {
  request: Request;
  principal: Principal;
  query: Q;
  body: B;
  params: Record<string, string>;
}) => Promise<Response> | Response;

export type ApiOptions<Q extends z.ZodType, B extends z.ZodType> = {
  /** What a signed-in user needs; omit for key-only endpoints. */
  permission?: Permission;
  /** What an API key needs; omit for session-only endpoints. */
  scope?: ApiScope;
  query?: Q;
  body?: B;
  /** Largest accepted body in bytes (413 beyond). */
  maxBodyBytes?: number;
};

/** The API key in the request, if any: Bearer token, or HTTP Basic username (Segment's write key). */
function apiKeyFrom(request: Request): string | null {
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

async function authenticate(
  request: Request,
  options: { permission?: Permission; scope?: ApiScope },
): Promise<Principal> {
  const key = apiKeyFrom(request);
  if (key !== null) {
    const found = key ? await verifyApiKey(await getDb(), key) : null;
    if (!found)
      throw new AppError("unauthorized", "The API key is missing, malformed, revoked or unknown.");
    if (!options.scope)
      throw new AppError("forbidden", "This endpoint is for signed-in users, not API keys.");
    if (!found.scopes.includes(options.scope))
      throw new AppError("forbidden", `This API key lacks the "${options.scope}" scope.`);
    return { kind: "key", key: { apiKeyId: found.id, name: found.name, scopes: found.scopes } };
  }
  const actor = await getActor();
  if (!actor) throw new AppError("unauthorized", "Sign in or send a valid API key.");
  if (!options.permission) throw new AppError("forbidden", "This endpoint takes an API key.");
  if (!can(actor.role, options.permission))
    throw new AppError("forbidden", "Your role does not allow this action.");
  return { kind: "user", user: actor };
}

export function withLegacyApi<
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(options: ApiOptions<Q, B>, handler: Handler<z.infer<Q>, z.infer<B>>) {
  return async (
    request: Request,
    context: { params: Promise<Record<string, string>> },
  ): Promise<Response> => {
    try {
      const principal = await authenticate(request, options);
      let query: unknown = undefined;
      if (options.query) {
        const raw = Object.fromEntries(new URL(request.url).searchParams);
        const parsed = options.query.safeParse(raw);
        if (!parsed.success) throw validationError(parsed.error, "The query string is not valid.");
        query = parsed.data;
      }
      let body: unknown = undefined;
      if (options.body) {
        body = await readJson(request, options.maxBodyBytes ?? 1_000_000);
        const parsed = options.body.safeParse(body);
        if (!parsed.success) throw validationError(parsed.error, "The request body is not valid.");
        body = parsed.data;
      }
      const params = (await context?.params) ?? {};
      return await handler({
        request,
        principal,
        query: query as z.infer<Q>,
        body: body as z.infer<B>,
        params,
      });
    } catch (error) {
      return toResponse(error);
    }
  };
}

/** Reads a JSON body (gzip accepted), refusing more than `maxBytes` once decompressed. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const { readBody } = await import("./read-body");
  const text = await readBody(request, maxBytes);
  if (!text.trim())
    throw new AppError("validation_failed", "The request body is empty; send JSON.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation_failed", "The request body is not valid JSON.");
  }
}

/** Like readJson, but an empty body is `undefined` rather than an error. */
export async function readOptionalJson(request: Request, maxBytes: number): Promise<unknown> {
  const { readBody } = await import("./read-body");
  const text = await readBody(request, maxBytes);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation_failed", "The request body is not valid JSON.");
  }
}
