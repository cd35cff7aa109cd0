/**
 * Every route handler goes through `withApi`: it authenticates (401 JSON), checks the permission
 * (403 JSON), validates query and body with zod (400 with field errors) and turns any thrown error
 * into the stable JSON shape of lib/errors.ts.
 */
import { z } from "zod";
import { AppError, toResponse, validationError } from "@/lib/errors";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";
import { getActor } from "./session";

type Handler<Q, B> = (ctx: {
  request: Request;
  actor: Actor;
  query: Q;
  body: B;
  params: Record<string, string>;
}) => Promise<Response> | Response;

type Options<Q extends z.ZodType, B extends z.ZodType> = {
  permission: Permission;
  query?: Q;
  body?: B;
  /** Largest accepted body in bytes. */
  maxBodyBytes?: number;
};

export function withApi<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  options: Options<Q, B>,
  handler: Handler<z.infer<Q>, z.infer<B>>,
) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("unauthorized", "Sign in or send a valid API key.");
      if (!can(actor.role, options.permission)) {
        throw new AppError("forbidden", "Your role does not allow this action.");
      }
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
        actor,
        query: query as z.infer<Q>,
        body: body as z.infer<B>,
        params,
      });
    } catch (error) {
      return toResponse(error);
    }
  };
}

export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) {
    throw new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes.`);
  }
  if (!text.trim()) throw new AppError("validation_failed", "The request body is empty; send JSON.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation_failed", "The request body is not valid JSON.");
  }
}
