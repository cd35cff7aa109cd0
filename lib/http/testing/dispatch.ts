/**
 * Test support: calls the route modules' exported handlers in process, as Next.js would, from an
 * operation's contract. The authorization matrix and the fuzz test reach every operation through
 * this one door: the route file is found from the contract's path, its handler must be the one
 * bound to that contract, and the path parameters are handed over as given (not decoded), so a
 * test can send what a client would put in an address (`%ff`, a NUL, a huge number).
 */
import path from "node:path";
import type { Contract } from "../contract";
import type { RouteHandler } from "../with-api";

const ROOT = path.resolve(import.meta.dirname, "../../..");
export const TEST_ORIGIN = "http://accord.test";

/** `/api/v1/leads/{id}` → app/api/v1/leads/[id]/route.ts */
export const routeFile = (contract: Pick<Contract, "path">) =>
  path.join(ROOT, "app", contract.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");

export async function handlerOf(contract: Contract): Promise<RouteHandler> {
  const route = (await import(/* @vite-ignore */ routeFile(contract))) as Record<
    string,
    RouteHandler
  >;
  const handler = route[contract.method.toUpperCase()];
  if (handler?.contract !== contract)
    throw new Error(`${routeFile(contract)} does not export ${contract.operationId}'s handler`);
  return handler;
}

export type Call = {
  params?: Record<string, string>;
  /** Appended as a query string; a string is sent as is (after the `?`). */
  query?: Record<string, string> | string;
  /** JSON-encoded unless `rawBody` or `form` is given; `undefined` sends no body. */
  body?: unknown;
  rawBody?: string | Uint8Array;
  form?: FormData;
  headers?: Record<string, string>;
  /** An API key sent as `Authorization: Bearer …`. */
  key?: string;
};

/** The URL path with each `{name}` replaced by its value, encoded unless already unsafe on purpose. */
export function pathFor(contract: Contract, params: Record<string, string> = {}): string {
  return contract.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name] ?? "";
    try {
      return encodeURIComponent(value);
    } catch {
      return "x"; // a lone surrogate cannot be put in a URL; the handler still gets it as a param
    }
  });
}

export function requestFor(contract: Contract, call: Call = {}): Request {
  const query =
    typeof call.query === "string"
      ? call.query
      : call.query
        ? new URLSearchParams(call.query).toString()
        : "";
  const url = `${TEST_ORIGIN}${pathFor(contract, call.params)}${query ? `?${query}` : ""}`;
  // As a browser on this site sends it: the Origin of the page, the Host it addressed.
  const headers = new Headers({
    origin: TEST_ORIGIN,
    host: new URL(TEST_ORIGIN).host,
    ...call.headers,
  });
  if (call.key) headers.set("authorization", `Bearer ${call.key}`);
  let body: BodyInit | undefined;
  if (call.form) body = call.form;
  else if (call.rawBody !== undefined) body = call.rawBody as BodyInit;
  else if (call.body !== undefined) body = JSON.stringify(call.body);
  if (body !== undefined && !call.form && !headers.has("content-type"))
    headers.set("content-type", "application/json");
  const method = contract.method.toUpperCase();
  return new Request(url, {
    method,
    headers,
    body: method === "GET" ? undefined : body,
  });
}

/** Calls the operation's handler with the request a client would send. */
export async function callRoute(contract: Contract, call: Call = {}): Promise<Response> {
  const handler = await handlerOf(contract);
  return handler(requestFor(contract, call), { params: Promise.resolve(call.params ?? {}) });
}
