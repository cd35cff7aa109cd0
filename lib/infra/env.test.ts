import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

async function freshEnv() {
  vi.resetModules();
  return import("./env");
}

describe("configuration", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "accord-env-"));
    vi.stubEnv("ACCORD_DATA_DIR", dir);
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("AUTH_SECRET", undefined);
  });
  afterEach(() => vi.unstubAllEnvs());

  it("needs nothing on the embedded default and keeps one generated secret", async () => {
    const { serverEnv } = await freshEnv();
    const env = serverEnv();
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, "auth-secret"), "utf8").trim()).toBe(env.authSecret);
    expect(env.demoData).toBe(true);
    const again = (await freshEnv()).serverEnv();
    expect(again.authSecret).toBe(env.authSecret);
  });

  it("requires AUTH_SECRET once DATABASE_URL points at a real server", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://db.example:5432/accord");
    const { serverEnv } = await freshEnv();
    expect(() => serverEnv()).toThrow(/AUTH_SECRET is required when DATABASE_URL is set/);
  });

  it("explains a malformed setting in one line", async () => {
    vi.stubEnv("DATABASE_URL", "mysql://nope");
    const { serverEnv } = await freshEnv();
    expect(() => serverEnv()).toThrow(
      "Invalid configuration: DATABASE_URL must start with postgres:// or postgresql://",
    );
  });

  it("rejects a short secret and a half-configured OIDC provider", async () => {
    vi.stubEnv("AUTH_SECRET", "short");
    const short = await freshEnv();
    expect(() => short.serverEnv()).toThrow(
      "Invalid configuration: AUTH_SECRET must be at least 32 characters",
    );
    vi.stubEnv("AUTH_SECRET", "x".repeat(40));
    vi.stubEnv("AUTH_OIDC_ISSUER", "https://login.example.com");
    const half = await freshEnv();
    expect(() => half.serverEnv()).toThrow(/must be set together/);
  });

  it("does not seed demo accounts on a real server unless asked", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://db.example:5432/accord");
    vi.stubEnv("AUTH_SECRET", "x".repeat(40));
    expect((await freshEnv()).serverEnv().demoData).toBe(false);
    vi.stubEnv("ACCORD_DEMO_DATA", "true");
    expect((await freshEnv()).serverEnv().demoData).toBe(true);
  });
});
