import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, queryRows } from "@/db/client";
import { users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { verifyCredentials } from "@/lib/auth/credentials";
import { dbEnv } from "../lib/infra/env";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");
const onServer = Boolean(dbEnv().DATABASE_URL);

/** Runs the CLI against its own database: a fresh server database, or a fresh embedded directory. */
let dataDir: string;
let serverDb: TestDb | null = null;

async function cliWith(env: { ACCORD_DATA_DIR: string; DATABASE_URL: string }, args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ["scripts/cli.ts", ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function cli(...args: string[]) {
  return cliWith({ ACCORD_DATA_DIR: dataDir, DATABASE_URL: serverDb?.url ?? "" }, args);
}

/** A database nobody has opened yet: a new embedded directory, or a server database with no tables. */
async function firstUse<T>(
  fn: (env: { ACCORD_DATA_DIR: string; DATABASE_URL: string }) => Promise<T>,
): Promise<T> {
  const empty = onServer ? await createTestDb("accord_cli_first", { migrate: false }) : null;
  try {
    return await fn({
      ACCORD_DATA_DIR: mkdtempSync(path.join(tmpdir(), "accord-cli-first-")),
      DATABASE_URL: empty?.url ?? "",
    });
  } finally {
    await empty?.close();
  }
}

/** An expected failure: exit code 1, one line, no stack frames. */
function expectOneLine(result: { code: number; out: string }, text: string) {
  expect(result.code).toBe(1);
  expect(result.out).toContain(text);
  expect(result.out).not.toContain("    at ");
  expect(result.out.trim().split("\n")).toHaveLength(1);
}

async function withCliDb<T>(fn: (db: TestDb["db"]) => Promise<T>): Promise<T> {
  if (serverDb) return fn(serverDb.db);
  const handle = await openDb({ kind: "pglite", dataDir, holder: "cli test" });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "accord-cli-"));
  if (onServer) serverDb = await createTestDb("accord_cli");
  expect((await cli("db:migrate")).out).toContain("Migrations applied.");
});
afterAll(() => serverDb?.close());

describe("operator CLI", () => {
  it("creates a user who can then sign in", async () => {
    const result = await cli(
      "users:create",
      "--email",
      "Ops@Example.test",
      "--name",
      "Olga Ops",
      "--role",
      "manager",
      "--password",
      "s3cret-enough",
      "--time-zone",
      "Europe/Paris",
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Created manager ops@example.test/);
    const user = await withCliDb((db) =>
      verifyCredentials(db, { email: "ops@example.test", password: "s3cret-enough" }),
    );
    expect(user).toMatchObject({ name: "Olga Ops", role: "manager", timeZone: "Europe/Paris" });
  });

  it("explains every bad flag and creates nothing", async () => {
    const result = await cli(
      "users:create",
      "--email",
      "nope",
      "--name",
      "X",
      "--role",
      "boss",
      "--password",
      "short",
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain("--email must be an email address");
    expect(result.out).toContain("--role must be one of admin, marketer, manager, rep");
    expect(result.out).toContain("--password must be at least 8 characters");
    const count = await withCliDb(
      async (db) => (await db.select().from(users).where(eq(users.name, "X"))).length,
    );
    expect(count).toBe(0);
  });

  it("refuses a duplicate email and an unknown team", async () => {
    const dup = await cli(
      "users:create",
      "--email",
      "ops@example.test",
      "--name",
      "Again",
      "--role",
      "rep",
      "--password",
      "longenough",
    );
    expect(dup).toMatchObject({ code: 1 });
    expect(dup.out).toContain("A user with email ops@example.test already exists.");
    const team = await cli(
      "users:create",
      "--email",
      "new@example.test",
      "--name",
      "New",
      "--role",
      "rep",
      "--password",
      "longenough",
      "--team",
      "Atlantis",
    );
    expect(team.out).toContain('No team named "Atlantis"');
  });

  it("creates an API key whose secret is printed once and works", async () => {
    const bad = await cli("api-keys:create", "--name", "", "--scopes", "events:write,everything");
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("--name: Name the key");
    expect(bad.out).toContain(
      "--scopes: Scopes are events:write, imports:write, leads:read, leads:write, model:read, model:write, privacy:read, privacy:write, reports:read, webhooks:write.",
    );
    const result = await cli(
      "api-keys:create",
      "--name",
      "Segment",
      "--scopes",
      "events:write,leads:read",
    );
    expect(result.code).toBe(0);
    const secret = result.out.trim().split("\n").pop()!;
    expect(secret).toMatch(/^acc_[0-9a-f]{12}_/);
    const { verifyApiKey } = await import("../lib/domain/api-keys/api-keys");
    const key = await withCliDb((db) => verifyApiKey(db, secret));
    expect(key).toMatchObject({ name: "Segment", scopes: ["events:write", "leads:read"] });
    // One character changed (to another one: the secret may end in "x" itself).
    const forged = secret.slice(0, -1) + (secret.endsWith("x") ? "y" : "x");
    expect(await withCliDb((db) => verifyApiKey(db, forged))).toBeNull();
  });

  it("imports a CSV from disk: a dry run, then the import, with counts and row errors; refusals on one line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "accord-cli-import-"));
    const file = path.join(dir, "crm.csv");
    writeFileSync(
      file,
      [
        "Email;Company;Country;Created",
        "cli-ada@example.test;Analytical;France;2024-03-15",
        "cli-bob@example.test;Babbage;Atlantis;2024-04-01",
        "cli-cy@example.test;Cyb;DE;2024-05-20",
      ].join("\n"),
    );
    const dry = await cli("import:csv", "--kind", "leads", "--file", file, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("Dry run done");
    expect(dry.out).toContain(
      "3 rows; 2 would be created, 0 would be updated, 0 skipped, 1 failed",
    );
    expect(dry.out).toMatch(/line 3, Country: .*Atlantis/);
    const leadCount = () =>
      withCliDb(async (db) => {
        const [r] = await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from leads where email like 'cli-%' and created_at < '2025-01-01'`,
        );
        return r.n;
      });
    expect(await leadCount()).toBe(0);

    const mapping = path.join(dir, "mapping.json");
    writeFileSync(
      mapping,
      JSON.stringify({
        columns: [
          { index: 0, target: { to: "field", field: "email" } },
          { index: 1, target: { to: "field", field: "company" } },
          { index: 3, target: { to: "field", field: "createdAt" } },
        ],
      }),
    );
    const done = await cli("import:csv", "--kind", "leads", "--file", file, "--mapping", mapping);
    expect(done.code).toBe(0);
    expect(done.out).toContain("3 rows; 3 created, 0 updated, 0 skipped, 0 failed");
    expect(await leadCount()).toBe(3);

    expectOneLine(
      await cli("import:csv", "--kind", "people", "--file", file),
      "--kind must be one of leads, events, outcomes, leads_outcomes",
    );
    expectOneLine(
      await cli("import:csv", "--kind", "leads", "--file", path.join(dir, "nope.csv")),
      "--file: no file at",
    );
    writeFileSync(path.join(dir, "empty.csv"), "Email;Company\n");
    expectOneLine(
      await cli("import:csv", "--kind", "leads", "--file", path.join(dir, "empty.csv")),
      "file: ",
    );
  }, 180_000);

  it("refuses to seed a database that already has users", async () => {
    const result = await cli("db:seed");
    expect(result.code).toBe(1);
    expect(result.out).toContain("demo data is only loaded into an empty database");
  });

  it.skipIf(onServer)(
    "refuses to open the embedded database while the server holds it",
    async () => {
      writeFileSync(
        path.join(dataDir, "pglite.lock"),
        JSON.stringify({ pid: process.pid, holder: "the Accord web server" }),
      );
      const result = await cli(
        "users:create",
        "--email",
        "late@example.test",
        "--name",
        "Late",
        "--role",
        "rep",
        "--password",
        "longenough",
      );
      expect(result.code).toBe(1);
      expect(result.out).toContain(
        `The embedded database is in use by the Accord web server (pid ${process.pid})`,
      );
    },
  );

  describe("on first use", () => {
    it("creates a user in a database nobody has opened yet", async () => {
      const result = await firstUse((env) =>
        cliWith(env, [
          "users:create",
          "--email",
          "first@example.test",
          "--name",
          "First",
          "--role",
          "admin",
          "--password",
          "longenough",
        ]),
      );
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^Created admin first@example.test \([0-9a-f-]{36}\)\.\n$/);
    });

    it(
      "seeds the demo data into a database nobody has opened yet",
      { timeout: 180_000 },
      async () => {
        const result = await firstUse((env) => cliWith(env, ["db:seed"]));
        expect(result.code).toBe(0);
        expect(result.out).toMatch(/Seeded \d+ users, \d+ leads and \d+ events/);
        expect(result.out).not.toContain("    at ");
      },
    );
  });

  describe("expected failures: one line, exit code 1, no stack trace", () => {
    it("an unknown command and a bad flag", async () => {
      const [unknown, badFlag, badValue] = await Promise.all([
        cli("users:delete", "--email", "x@example.test"),
        cli("users:create", "--emial", "x@example.test"),
        cli("predictive:train", "--rate", "3"),
      ]);
      expectOneLine(unknown, 'Unknown command "users:delete"');
      expectOneLine(badFlag, "Unknown option '--emial'. Usage: npm run cli -- users:create");
      expectOneLine(badValue, "--rate is a share between 0 and 1");
    });

    it("a malformed DATABASE_URL and an unreachable PostgreSQL", async () => {
      const [malformed, unreachable] = await Promise.all([
        cliWith({ ACCORD_DATA_DIR: dataDir, DATABASE_URL: "postgres://u:p@[::1:5432/accord" }, [
          "db:migrate",
        ]),
        cliWith({ ACCORD_DATA_DIR: dataDir, DATABASE_URL: "postgres://127.0.0.1:1/accord" }, [
          "db:migrate",
        ]),
      ]);
      expectOneLine(malformed, "DATABASE_URL is not a valid URL");
      expectOneLine(unreachable, "Cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED)");
    });
  });
});
