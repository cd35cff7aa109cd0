/**
 * An API contract: everything about one operation, declared once with zod. The route handler is
 * bound to it (`withApi(contract, handler)`), which authenticates, authorizes, validates and
 * answers errors from it; the OpenAPI document (lib/http/openapi.ts) and, through it, the
 * browser's typed client are generated from the list of all contracts (contracts/index.ts).
 */
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { ApiScope } from "@/lib/auth/scopes";
import type { ErrorCode } from "@/lib/shared/errors";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/**
 * Who may call: signed-in people with a permission and/or API keys with a scope.
 * - `{ permission, scope }`: both;
 * - `{ permission, session: true }`: signed-in people only (the handler gets `user`);
 * - `{ scope }`: API keys only (ingestion);
 * - `{ permission, scope: "any" }`: people, and any valid API key — the handler then decides per
 *   object (a job is readable by whoever may read what it works on);
 * - `{ public: true }`: anyone (health, the OpenAPI document).
 */
export type Access =
  | { permission: Permission; scope: ApiScope | "any"; session?: never; public?: never }
  | { permission: Permission; session: true; scope?: never; public?: never }
  | { scope: ApiScope; permission?: never; session?: never; public?: never }
  | { public: true; permission?: never; scope?: never; session?: never };

export type ResponseSpec = {
  description: string;
  /** JSON body; omit for an empty body or when `contentType` is not JSON. */
  schema?: z.ZodType;
  /** Another representation (e.g. text/csv), described as a string. */
  alternative?: { contentType: string; description: string };
  headers?: Record<string, string>;
};

export type Contract = {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path, `{name}` for parameters: must match the route file's folder. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * What clients should send, when it differs from `body`: batches are validated item by item by
   * the use case (one bad item never fails the others), so `body` only checks the envelope.
   */
  documentedBody?: z.ZodType;
  /**
   * The body's array of items (`events`) that the use case validates one by one: text PostgreSQL
   * cannot store in an item is reported with that item's index, not refused for the whole body.
   */
  batchItems?: string;
  /** An empty body is allowed (and reads as undefined). */
  bodyOptional?: boolean;
  /** The body is not JSON (multipart, gzip'd batches…): the handler reads it itself. */
  rawBody?: { contentType: string; schema?: z.ZodType };
  /** Largest accepted body in bytes once decompressed (413 beyond); default 1 MB. */
  maxBodyBytes?: number;
  responses: Record<number, ResponseSpec>;
  /** Error codes the operation can answer besides those implied by its access and inputs. */
  errors?: ErrorCode[];
  /** Only in some deployments (e.g. the e2e test clock); still documented. */
  note?: string;
};

/** Declares a contract; `const` keeps the literal types the handler and client are typed by. */
export function defineContract<const C extends Contract>(contract: C): C {
  return contract;
}

type SuccessStatus<C extends Contract> = Extract<keyof C["responses"], number>;

/** What serializes to a value of T: a Date is sent as its ISO string. */
export type Wire<T> = T extends string
  ? T | Date
  : T extends readonly (infer U)[]
    ? readonly Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** The JSON a handler may answer with for a status, as the contract declares it. */
export type ResponseBody<
  C extends Contract,
  S extends SuccessStatus<C>,
> = C["responses"][S] extends {
  schema: infer Z extends z.ZodType;
}
  ? Wire<z.input<Z>>
  : never;

export type { SuccessStatus };
