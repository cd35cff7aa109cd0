/**
 * Fuzz over every operation of the OpenAPI document: its path parameters, query parameters and
 * body (every field of a valid request, and every property the document declares) spoiled one at
 * a time with the bad inputs of lib/http/testing/bad-inputs.ts — NUL, lone surrogates, 100 KB
 * strings, wrong types, `null`, arrays for objects, integers beyond 2^31 and 2^53, negatives,
 * dates at year 0 / 9999 / garbage, `%ff` and uuid-like garbage in addresses, undecodable query
 * strings, bodies that are not JSON or too large, bad files in uploads. Deterministic (a fixed
 * seed picks the field × value pairs). Called as someone allowed in, so the input reaches the
 * handler; fails on any 5xx or on an answer that takes more than 10 s.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/principal";
import type { Contract } from "@/lib/http/contract";
import { ALL_CONTRACTS } from "@/lib/http/contracts";
import { setTestClock } from "@/lib/infra/clock";
import { openApiDocument } from "@/lib/http/openapi";
import {
  BAD_BODIES,
  BAD_FILES,
  BAD_FORM_VALUES,
  BAD_JSON_VALUES,
  BAD_PATH_VALUES,
  BAD_QUERY_VALUES,
  BAD_RAW_QUERIES,
  jsonPaths,
  pick,
  seededRandom,
  withValueAt,
} from "@/lib/http/testing/bad-inputs";
import { callRoute, TEST_ORIGIN, type Call } from "@/lib/http/testing/dispatch";
import { fallbackTargets, samplesFor } from "@/lib/http/testing/samples";
import { buildWorld, closeWorld, type World } from "@/lib/http/testing/world";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const SEED = 16;
/** Field × value pairs tried per operation (picked by the seed from all of them). */
const FIELD_CASES = 40;
const HANG_MS = 10_000;

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};
type Operation = {
  operationId: string;
  parameters?: { name: string; in: "path" | "query" | "header" | "cookie" }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
};

const doc = openApiDocument(TEST_ORIGIN) as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

function resolve(schema: Schema | undefined): Schema | undefined {
  const ref = schema?.$ref?.replace("#/components/schemas/", "");
  return ref ? resolve(doc.components?.schemas?.[ref]) : schema;
}

/** The top-level property names a body schema declares, through unions and refs. */
function declaredProperties(schema: Schema | undefined): string[] {
  const s = resolve(schema);
  if (!s) return [];
  return [
    ...new Set([
      ...Object.keys(s.properties ?? {}),
      ...[...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])].flatMap(declaredProperties),
    ]),
  ];
}

const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => {
    const contract = ALL_CONTRACTS.find((c) => c.operationId === op.operationId);
    if (!contract) throw new Error(`${op.operationId} has no contract`);
    const params = op.parameters ?? [];
    const content = op.requestBody?.content ?? {};
    return {
      label: `${method.toUpperCase()} ${path} (${op.operationId})`,
      contract,
      pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
      queryParams: params.filter((p) => p.in === "query").map((p) => p.name),
      bodyProperties: declaredProperties(content["application/json"]?.schema),
      takesBody: Object.keys(content).length > 0,
    };
  }),
);

let w: World;

beforeAll(async () => {
  vi.stubEnv("ACCORD_TEST_CLOCK", "1");
  w = await buildWorld((actor) => (session.actor = actor));
}, 120_000);

afterAll(async () => {
  setTestClock(null);
  vi.unstubAllEnvs();
  await closeWorld(w);
});

type Case = { label: string; call: Call };

function casesFor(op: (typeof operations)[number], base: Call, random: () => number): Case[] {
  const cases: Case[] = [];
  for (const name of op.pathParams)
    for (const [label, value] of BAD_PATH_VALUES)
      cases.push({
        label: `path ${name}: ${label}`,
        call: { ...base, params: { ...base.params, [name]: value } },
      });
  const baseQuery = typeof base.query === "object" ? base.query : {};
  for (const name of op.queryParams) {
    for (const [label, value] of BAD_QUERY_VALUES)
      cases.push({
        label: `query ${name}: ${label}`,
        call: { ...base, query: { ...baseQuery, [name]: value } },
      });
    const rest = new URLSearchParams(
      Object.entries(baseQuery).filter(([k]) => k !== name),
    ).toString();
    for (const [label, raw] of BAD_RAW_QUERIES(name))
      cases.push({
        label: `query ${name}: ${label}`,
        call: { ...base, query: [rest, raw].filter(Boolean).join("&") },
      });
  }
  if (!op.takesBody) return cases;
  const noBody = { ...base, body: undefined, rawBody: undefined, form: undefined };
  for (const [label, body] of BAD_BODIES)
    cases.push({ label: `body: ${label}`, call: { ...noBody, ...body } });
  const limit = op.contract.maxBodyBytes ?? 1_000_000;
  if (limit <= 8_000_000)
    cases.push({
      label: "body: over the limit",
      call: { ...noBody, rawBody: JSON.stringify({ pad: "x".repeat(limit) }) },
    });
  if (base.form) {
    for (const [field, value] of base.form.entries()) {
      const bad: [string, string | Blob][] =
        typeof value === "string"
          ? [...BAD_QUERY_VALUES, ...BAD_FORM_VALUES]
          : BAD_FILES.map(([label, text]) => [label, new Blob([text], { type: "text/csv" })]);
      for (const [label, replacement] of bad) {
        const form = new FormData();
        for (const [k, v] of base.form.entries()) if (k !== field) form.append(k, v);
        if (typeof replacement === "string") form.set(field, replacement);
        else form.set(field, replacement, "bad.csv");
        cases.push({ label: `form ${field}: ${label}`, call: { ...base, form } });
      }
    }
    return cases;
  }
  const paths = [
    ...jsonPaths(base.body),
    ...op.bodyProperties
      .filter((p) => !(base.body && typeof base.body === "object" && p in base.body))
      .map((p) => [p]),
  ];
  const pairs = paths.flatMap((path) => BAD_JSON_VALUES.map((value) => [path, value] as const));
  for (const [path, [label, value]] of pick(pairs, FIELD_CASES, random))
    cases.push({
      label: `body ${path.join(".")}: ${label}`,
      call: { ...base, body: withValueAt(base.body, path, value) },
    });
  return cases;
}

async function timed(
  contract: Contract,
  call: Call,
): Promise<{ status: number; text: string } | "hang"> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<"hang">(
    (resolve) => (timer = setTimeout(() => resolve("hang"), HANG_MS)),
  );
  const answer = (async () => {
    const response = await callRoute(contract, call);
    return { status: response.status, text: await response.text() };
  })();
  try {
    return await Promise.race([answer, hang]);
  } finally {
    clearTimeout(timer);
  }
}

let sent = 0;
/** The run's seed mixed with the operation's id: adding an operation changes no other's cases. */
const seedOf = (operationId: string) =>
  [...operationId].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619) >>> 0, SEED);

describe(`fuzz over every operation of the OpenAPI document (seed ${SEED})`, () => {
  for (const op of operations) {
    it(
      op.label,
      async () => {
        const random = seededRandom(seedOf(op.contract.operationId));
        const [target] = samplesFor(op.contract, w) ?? fallbackTargets(op.contract, w);
        const base = await target.call();
        const access = op.contract.access;
        const key = access.permission || access.public ? undefined : w.allScopesKey;
        const problems: string[] = [];
        for (const { label, call } of casesFor(op, base, random)) {
          session.actor = key || access.public ? null : w.s.admin;
          sent++;
          const answer = await timed(op.contract, { ...call, key });
          if (answer === "hang") problems.push(`${label}: no answer within ${HANG_MS / 1000} s`);
          else if (answer.status >= 500)
            problems.push(`${label}: ${answer.status} ${answer.text.slice(0, 300)}`);
        }
        expect(problems).toEqual([]);
      },
      120_000,
    );
  }

  it("sent every operation its bad inputs", () => {
    expect(operations.length).toBe(ALL_CONTRACTS.length);
    console.info(`[fuzz] ${sent} requests over ${operations.length} operations`);
  });
});
