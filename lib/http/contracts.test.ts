/**
 * Every route file on disk is bound to a contract, and every contract to a route: a route added
 * without one, or a contract whose path or method disagrees with its file, fails here.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Contract } from "./contract";
import { ALL_CONTRACTS } from "./contracts";

vi.mock("@/lib/auth/session", () => ({ getActor: async () => null }));

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Auth.js serves its own sign-in endpoints; they are not part of Accord's API. */
const NOT_OURS = new Set(["app/api/auth/[...nextauth]/route.ts"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === "route.ts" ? [path.relative(ROOT, full)] : [];
  });
}

/** app/api/v1/leads/[id]/route.ts → /api/v1/leads/{id} */
const pathOf = (file: string) =>
  "/" +
  path
    .dirname(file)
    .replace(/^app\//, "")
    .replace(/\[([^\]]+)\]/g, "{$1}");

describe("API contracts", () => {
  const files = routeFiles(path.join(ROOT, "app/api")).filter((f) => !NOT_OURS.has(f));

  it("bind every route file's handlers, with the file's path and method", async () => {
    const bound: Contract[] = [];
    const problems: string[] = [];
    for (const file of files) {
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      const handlers = METHODS.filter((m) => m in mod);
      if (!handlers.length) problems.push(`${file}: exports no handler`);
      for (const method of handlers) {
        const contract = (mod[method] as { contract?: Contract }).contract;
        if (!contract) {
          problems.push(`${file} ${method}: no contract (use withApi(contract, handler))`);
          continue;
        }
        if (contract.method !== method.toLowerCase())
          problems.push(`${file} ${method}: contract says ${contract.method}`);
        if (contract.path !== pathOf(file))
          problems.push(`${file} ${method}: contract path ${contract.path}`);
        bound.push(contract);
      }
    }
    expect(problems).toEqual([]);
    const ids = (list: readonly Contract[]) => list.map((c) => c.operationId).sort();
    expect(ids(bound)).toEqual(ids(ALL_CONTRACTS));
  }, 120_000);

  it("have unique operation ids and path parameters that match their path", () => {
    const ids = ALL_CONTRACTS.map((c) => c.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const contract of ALL_CONTRACTS) {
      const inPath = [...contract.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      expect(Object.keys(contract.params?.shape ?? {}).sort(), contract.operationId).toEqual(
        inPath,
      );
    }
  });
});
