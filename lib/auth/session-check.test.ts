/**
 * A session token stands only while its user is active and its session version is still theirs:
 * sign-out, a password, role or deactivation change end every session at once, and the role the
 * app acts on is the one in the database.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/factories";
import { auditLog, users, type User } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { userAccessCommands } from "@/lib/cli/user-access";
import { createActor } from "@/lib/domain/teams/test-actors";
import { updateMember } from "@/lib/domain/teams/update-member";
import { revokeUserSessions } from "@/lib/domain/users/revoke-sessions";
import { verifyCredentials } from "./credentials";
import { actorForSession } from "./session-check";

let t: TestDb;
let user: User;
const logs: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation((line: string) => void logs.push(String(line)));
});
afterAll(() => t?.close());
beforeEach(async () => {
  user = await createUser(t.db, { role: "rep", email: `rep-${Date.now()}@example.test` });
});

/** What a token issued now would carry. */
const claims = async (id = user.id) => {
  const [row] = await t.db.select().from(users).where(eq(users.id, id));
  return { id, sessionVersion: row.sessionVersion };
};

describe("a session token", () => {
  it("stands while its version is the user's, and no longer once the sessions are revoked", async () => {
    const token = await claims();
    expect((await actorForSession(t.db, token))?.id).toBe(user.id);
    await revokeUserSessions(t.db, user.id);
    expect(await actorForSession(t.db, token)).toBeNull();
    // A new sign-in carries the new version.
    expect((await actorForSession(t.db, await claims()))?.id).toBe(user.id);
    expect(logs.join("\n")).toMatch(/"event":"session.refused".*"reason":"revoked"/);
  });

  it("is refused when malformed, for an unknown user, or without a version (issued before versions)", async () => {
    expect(await actorForSession(t.db, { id: "not-a-uuid", sessionVersion: 0 })).toBeNull();
    expect(
      await actorForSession(t.db, {
        id: "00000000-0000-4000-8000-000000000000",
        sessionVersion: 0,
      }),
    ).toBeNull();
    expect(await actorForSession(t.db, { id: user.id })).toBeNull();
  });

  it("takes the role from the database, not from the token", async () => {
    const token = await claims();
    await t.db.update(users).set({ role: "manager" }).where(eq(users.id, user.id));
    expect((await actorForSession(t.db, token))?.role).toBe("manager");
  });

  it("ends when an admin deactivates the user, and stays ended after reactivation", async () => {
    const admin = await createActor(t.db, "admin");
    const token = await claims();
    await updateMember({ db: t.db, actor: admin, userId: user.id, active: false });
    expect(await actorForSession(t.db, token)).toBeNull();
    await updateMember({ db: t.db, actor: admin, userId: user.id, active: true });
    expect(await actorForSession(t.db, token)).toBeNull();
    expect((await actorForSession(t.db, await claims()))?.id).toBe(user.id);
  });

  it("ends when the CLI changes the role, the password, deactivates or signs the user out", async () => {
    const run = async (name: keyof typeof userAccessCommands, args: string[]) => {
      const command = userAccessCommands[name];
      // Each command's parse gives the input its own run expects.
      await command.run(command.parse(args) as never, t.db);
    };
    let token = await claims();
    await run("users:set-role", ["--email", user.email, "--role", "marketer"]);
    expect(await actorForSession(t.db, token)).toBeNull();
    expect((await actorForSession(t.db, await claims()))?.role).toBe("marketer");

    token = await claims();
    await run("users:set-password", ["--email", user.email, "--password", "a new passphrase"]);
    expect(await actorForSession(t.db, token)).toBeNull();
    expect(
      await verifyCredentials(t.db, { email: user.email, password: "a new passphrase" }),
    ).not.toBeNull();

    token = await claims();
    await run("users:sign-out", ["--email", user.email]);
    expect(await actorForSession(t.db, token)).toBeNull();

    token = await claims();
    await run("users:deactivate", ["--email", user.email]);
    expect(await actorForSession(t.db, token)).toBeNull();
    expect(await actorForSession(t.db, await claims())).toBeNull();

    const audited = await t.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    const actions = audited.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "user.role_changed",
        "user.password_changed",
        "user.sessions_revoked",
        "user.deactivated",
      ]),
    );
    // The password is never written to the audit log.
    expect(JSON.stringify(audited)).not.toContain("a new passphrase");
  });

  it("the CLI refuses an unknown email and a bad role in one line", async () => {
    const command = userAccessCommands["users:set-role"];
    expect(() => command.parse(["--email", "x@example.test", "--role", "boss"])).toThrow(
      /--role must be one of/,
    );
    await expect(command.run({ email: "nobody@example.test", role: "rep" }, t.db)).rejects.toThrow(
      "No user with email nobody@example.test.",
    );
  });
});
