/**
 * The layout's arrows, followed through every import (ESLint checks only direct ones): the domain
 * reaches nothing of Next.js, React, HTTP, the job runner, the CLI or the UI; db/ reaches no
 * application code at run time. README, "Architecture", draws the same picture.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return files(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) && !entry.endsWith(".d.ts")
      ? [full]
      : [];
  });
}

function resolve(spec: string, from: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

type Edge = { spec: string; target: string | null; typeOnly: boolean };

function importsOf(file: string): Edge[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(IMPORT)].map((m) => {
    const spec = m[3] ?? m[4];
    return { spec, target: resolve(spec, file), typeOnly: Boolean(m[2]) };
  });
}

/** Every module (file or package) reachable from `start`, with the chain that reaches it. */
function reachable(start: string[], { runtimeOnly }: { runtimeOnly: boolean }) {
  const seen = new Map<string, string[]>();
  const queue: [string, string[]][] = start.map((f) => [f, [path.relative(ROOT, f)]]);
  while (queue.length) {
    const [file, chain] = queue.shift()!;
    for (const edge of importsOf(file)) {
      if (runtimeOnly && edge.typeOnly) continue;
      const key = edge.target ? path.relative(ROOT, edge.target) : edge.spec;
      if (seen.has(key)) continue;
      seen.set(key, [...chain, key]);
      // A "use server" module reaches the browser as a reference to call, not as code.
      if (edge.target && !/^\s*["']use server["']/.test(readFileSync(edge.target, "utf8")))
        queue.push([edge.target, [...chain, key]]);
    }
  }
  return seen;
}

const FORBIDDEN_FOR_DOMAIN = [
  /^next($|\/)/,
  /^next-auth($|\/)/,
  /^next-intl($|\/)/,
  /^react($|-dom|\/)/,
  /^app\//,
  /^components\//,
  /^lib\/(http|jobs|server|cli|client)\//,
  /^lib\/auth\/(session|config)\.ts$/,
];

describe("architecture", () => {
  it("the domain reaches nothing of Next.js, React, HTTP, jobs, the CLI or the UI", () => {
    const seen = reachable(files(path.join(ROOT, "lib/domain")), { runtimeOnly: false });
    const leaks = [...seen.entries()]
      .filter(([key]) => FORBIDDEN_FOR_DOMAIN.some((re) => re.test(key)))
      .map(([, chain]) => chain.join(" → "));
    expect(leaks).toEqual([]);
  });

  it("db/ reaches no application code at run time (only lib/shared and lib/infra)", () => {
    const seen = reachable(files(path.join(ROOT, "db")), { runtimeOnly: true });
    const leaks = [...seen.entries()]
      .filter(([key]) => /^(lib|app|components)\//.test(key) && !/^lib\/(shared|infra)\//.test(key))
      .map(([, chain]) => chain.join(" → "));
    expect(leaks).toEqual([]);
  });

  it("the browser's components never reach the database modules", () => {
    const seen = reachable(files(path.join(ROOT, "components")), { runtimeOnly: true });
    const leaks = [...seen.entries()]
      .filter(([key]) => /^db\/|^postgres$|^@electric-sql\/pglite|^drizzle-orm/.test(key))
      .map(([, chain]) => chain.join(" → "));
    expect(leaks).toEqual([]);
  });
});
