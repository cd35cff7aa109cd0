import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { hashPassword, signInSchema, verifyCredentials } from "./credentials";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const passwordHash = await hashPassword("correct horse");
  await createUser(t.db, { email: "rita@example.test", role: "rep", passwordHash });
  await createUser(t.db, { email: "gone@example.test", role: "rep", passwordHash, active: false });
  await createUser(t.db, { email: "sso@example.test", role: "rep", passwordHash: null });
});
afterAll(() => t?.close());

describe("password sign-in", () => {
  it("accepts the right password, whatever the email's case and spacing", async () => {
    const input = signInSchema.parse({ email: "  Rita@Example.TEST ", password: "correct horse" });
    expect((await verifyCredentials(t.db, input))?.email).toBe("rita@example.test");
  });

  it("refuses a wrong password, an unknown email, a deactivated user and an SSO-only user", async () => {
    expect(
      await verifyCredentials(t.db, { email: "rita@example.test", password: "Correct horse" }),
    ).toBeNull();
    expect(
      await verifyCredentials(t.db, { email: "nobody@example.test", password: "correct horse" }),
    ).toBeNull();
    expect(
      await verifyCredentials(t.db, { email: "gone@example.test", password: "correct horse" }),
    ).toBeNull();
    expect(
      await verifyCredentials(t.db, { email: "sso@example.test", password: "correct horse" }),
    ).toBeNull();
  });

  it("explains malformed input per field", () => {
    const result = signInSchema.safeParse({ email: "not-an-email", password: "" });
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["email", "Enter a valid email address."],
      ["password", "Enter your password."],
    ]);
  });
});
