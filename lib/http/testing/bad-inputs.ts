/**
 * Test support: the bad inputs the fuzz test sends, and a seeded generator so every run sends the
 * same ones (a failure found in CI reproduces on any machine). Each class named in issue 16: text
 * PostgreSQL cannot store (NUL, lone surrogates), sizes (100 KB strings), wrong types, `null`,
 * arrays for objects, integers beyond 2^31 and 2^53, negatives, dates at year 0 / 9999 / garbage,
 * malformed addresses (`%ff`, huge numbers, uuid-like garbage).
 */
import { seededRandom } from "@/lib/shared/seeded-random";

export { seededRandom };

/** `count` items of `list`, picked without repetition by `random` (all of them when fewer). */
export function pick<T>(list: readonly T[], count: number, random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

const HUGE = "x".repeat(100_000);

/** Values for a JSON field, whatever its declared type. */
export const BAD_JSON_VALUES: readonly [string, unknown][] = [
  ["null", null],
  ["empty string", ""],
  ["NUL", "\u0000"],
  ["NUL inside", "a\u0000b"],
  ["lone high surrogate", "\ud800"],
  ["lone low surrogate", "x\udfffy"],
  ["100 KB string", HUGE],
  ["2^31", 2_147_483_648],
  ["2^53 + 1", 9_007_199_254_740_993],
  ["-1", -1],
  ["-2^31 - 1", -2_147_483_649],
  ["1.5", 1.5],
  ["1e308", 1e308],
  ["-1e308", -1e308],
  ["true", true],
  ["empty array", []],
  ["empty object", {}],
  ["array of null", [null]],
  ["year 0", "0000-01-01"],
  ["year 9999", "9999-12-31T23:59:59.999Z"],
  ["year -1", "-000001-01-01T00:00:00Z"],
  ["beyond JS dates", "+275760-09-13T00:00:00.001Z"],
  ["garbage date", "2026-02-30T25:61:00Z"],
  ["number as string", "2147483648"],
  ["NaN as string", "NaN"],
];

/** Values for a query parameter (always text on the wire). */
export const BAD_QUERY_VALUES: readonly [string, string][] = [
  ["NUL", "\u0000"],
  ["NUL inside", "a\u0000b"],
  ["100 KB", HUGE],
  ["empty", ""],
  ["-1", "-1"],
  ["0", "0"],
  ["2^31", "2147483648"],
  ["2^53 + 1", "9007199254740993"],
  ["1e309", "1e309"],
  ["NaN", "NaN"],
  ["year 0", "0000-01-01"],
  ["year 9999", "9999-12-31"],
  ["year -1", "-000001-01-01"],
  ["garbage date", "2026-13-45"],
  ["uuid-like garbage", "00000000-0000-0000-0000-00000000000g"],
  ["array-like", "[]"],
  ["object-like", '{"a":1}'],
];

/** Raw query strings, as a client could put them on the wire (undecodable ones included). */
export const BAD_RAW_QUERIES = (name: string): [string, string][] => [
  ["%ff", `${name}=%ff`],
  ["encoded NUL", `${name}=%00`],
  ["encoded lone surrogate", `${name}=%ED%A0%80`],
  ["repeated", `${name}=a&${name}=b`],
  ["bare name", name],
];

/** Values for a path parameter, handed to the handler as the router would. */
export const BAD_PATH_VALUES: readonly [string, string][] = [
  ["%ff", "%ff"],
  ["%", "%"],
  ["NUL", "\u0000"],
  ["NUL inside", "1\u0000"],
  ["lone surrogate", "\ud800"],
  ["huge number", "99999999999999999999999999"],
  ["2^31", "2147483648"],
  ["2^53 + 1", "9007199254740993"],
  ["-1", "-1"],
  ["0", "0"],
  ["1e309", "1e309"],
  ["uuid-like garbage", "00000000-0000-0000-0000-00000000000g"],
  ["all-f uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff"],
  ["100 KB", HUGE],
  ["dot dot", "../../etc/passwd"],
  ["space", " "],
];

/** Whole bodies that are not what any operation takes. */
export const BAD_BODIES: readonly [string, { body?: unknown; rawBody?: string }][] = [
  ["null", { rawBody: "null" }],
  ["empty array", { body: [] }],
  ["array of null", { body: [null] }],
  ["a string", { body: "text" }],
  ["a number", { body: 2_147_483_648 }],
  ["true", { body: true }],
  ["empty object", { body: {} }],
  ["empty text", { rawBody: "" }],
  ["not JSON", { rawBody: "{not json" }],
  ["truncated JSON", { rawBody: '{"a":' }],
  ["NUL as JSON escape", { rawBody: '{"a":"\\u0000"}' }],
  ["lone surrogate as JSON escape", { rawBody: '{"a":"\\ud800"}' }],
  ["10,000 levels deep", { rawBody: "[".repeat(10_000) + "]".repeat(10_000) }],
  ["400,000 levels deep (under 1 MB)", { rawBody: "[".repeat(400_000) + "]".repeat(400_000) }],
  ["deep objects", { rawBody: '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000) }],
];

/** Form fields beyond the query's values: JSON-looking text that is not what is expected. */
export const BAD_FORM_VALUES: readonly [string, string][] = [
  ["%ff", "%ff"],
  ["JSON null", "null"],
  ["JSON nested 100,000 deep", "[".repeat(100_000) + "]".repeat(100_000)],
];

/** File contents for multipart uploads. */
export const BAD_FILES: readonly [string, string][] = [
  ["empty file", ""],
  ["NUL bytes", "Email\u0000,Name\n\u0000@x.test,\u0000\n"],
  ["lone surrogate", "Email,Name\n\ud800@x.test,a\n"],
  ["one 100 KB line", HUGE],
  ["binary", String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i))],
];

/** Every leaf's path in a JSON value (`events.0.name`), arrays and objects included as nodes. */
export function jsonPaths(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (depth > 6 || value === null || typeof value !== "object")
    return prefix.length ? [prefix] : [];
  const entries = Array.isArray(value)
    ? value.slice(0, 2).map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  const own = prefix.length ? [prefix] : [];
  return [...own, ...entries.flatMap(([k, v]) => jsonPaths(v, [...prefix, k], depth + 1))];
}

/** A deep copy of `value` with the node at `path` replaced (or added). */
export function withValueAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = withValueAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const base = value && typeof value === "object" ? value : {};
  return {
    ...base,
    [head]: withValueAt((base as Record<string, unknown>)[head], rest, replacement),
  };
}
