/**
 * Brute force against the password sign-in: a growing delay, then a lock-out during which even
 * the right password is refused — counted in memory (the embedded default) and in the database
 * (rate-limiter-flexible's Drizzle store, as on PostgreSQL; here on whichever database runs).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { rateLimits } from "@/db/schema";
import { hashPassword } from "./credentials";
import { passwordSignIn } from "./password-sign-in";
import type { LimiterStore } from "./rate-limiter";
import { failureDelayMs, SignInThrottle, type SignInLimits } from "./sign-in-throttle";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const passwordHash = await hashPassword("correct horse");
  for (const email of ["ana@example.test", "ben@example.test", "cy@example.test"])
    await createUser(t.db, { email, role: "rep", passwordHash });
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(() => t?.close());

const lockedOut = (r: Awaited<ReturnType<typeof passwordSignIn>>) => !r.ok && r.locked;
const LIMITS: SignInLimits = { accountFailures: 3, ipFailures: 5, lockSeconds: 1, delayMs: 30 };
const stores = (): [string, LimiterStore][] => [
  ["in memory", { kind: "pglite", db: t.db }],
  ["in the database", { kind: "postgres", db: t.db }],
];

describe("the growing delay", () => {
  it("doubles with each failure in a row, up to 8 s", () => {
    expect([1, 2, 3, 4, 5].map((n) => failureDelayMs(n, 250))).toEqual([
      250, 500, 1000, 2000, 4000,
    ]);
    expect(failureDelayMs(10, 250)).toBe(8000);
    expect(failureDelayMs(3, 0)).toBe(0);
  });
});

describe.each([0, 1])("password sign-in under brute force (store %#)", (index) => {
  const make = (limits = LIMITS) => new SignInThrottle(stores()[index][1], limits);
  const attempt = (throttle: SignInThrottle, email: string, password: string, ip = "203.0.113.7") =>
    passwordSignIn({ db: t.db, throttle, ip, input: { email, password } });

  it("locks the account after its failures, refuses the right password while locked, lets it in after", async () => {
    const throttle = make();
    const started = performance.now();
    expect(await attempt(throttle, "ana@example.test", "guess-1")).toEqual({
      ok: false,
      locked: false,
    });
    const first = performance.now() - started;
    expect(first).toBeGreaterThanOrEqual(25);
    expect(await attempt(throttle, "ana@example.test", "guess-2")).toEqual({
      ok: false,
      locked: false,
    });
    expect(performance.now() - started - first).toBeGreaterThanOrEqual(55); // twice the first delay
    expect(await attempt(throttle, "ana@example.test", "guess-3")).toEqual({
      ok: false,
      locked: true,
    });
    // Locked: the right password is refused, without being checked.
    expect(await attempt(throttle, "ana@example.test", "correct horse")).toEqual({
      ok: false,
      locked: true,
    });
    // Another account, from the same address, is not locked.
    expect((await attempt(throttle, "ben@example.test", "correct horse")).ok).toBe(true);
    // The lock lifts after its time.
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await attempt(throttle, "ana@example.test", "correct horse")).ok).toBe(true);
  });

  it("a success clears the account's count of failures", async () => {
    const throttle = make({ ...LIMITS, delayMs: 0, lockSeconds: 60 });
    const ip = "203.0.113.8";
    await attempt(throttle, "ben@example.test", "guess-1", ip);
    await attempt(throttle, "ben@example.test", "guess-2", ip);
    expect((await attempt(throttle, "ben@example.test", "correct horse", ip)).ok).toBe(true);
    expect((await attempt(throttle, "ben@example.test", "guess-3", ip)).ok).toBe(false);
    expect((await attempt(throttle, "ben@example.test", "correct horse", ip)).ok).toBe(true);
  });

  it("locks an address that tries many accounts, not the accounts elsewhere", async () => {
    const throttle = make({ ...LIMITS, accountFailures: 100, delayMs: 0, lockSeconds: 60 });
    const ip = "198.51.100.9";
    for (let i = 0; i < 4; i++)
      expect(lockedOut(await attempt(throttle, `nobody${i}@example.test`, "x", ip))).toBe(false);
    expect(await attempt(throttle, "nobody5@example.test", "x", ip)).toEqual({
      ok: false,
      locked: true,
    });
    expect(lockedOut(await attempt(throttle, "cy@example.test", "correct horse", ip))).toBe(true);
    expect((await attempt(throttle, "cy@example.test", "correct horse", "198.51.100.10")).ok).toBe(
      true,
    );
  });
});

describe("the database store", () => {
  it("keeps no email: accounts are counted under a hash", async () => {
    const rows = await t.db.select().from(rateLimits);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain("@example.test");
  });
});
