import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userInvitations, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { verifyCredentials } from "@/lib/auth/credentials";
import { createActor } from "@/lib/domain/teams/test-actors";
import { updateMember } from "@/lib/domain/teams/update-member";
import { createUser } from "./create-user";
import { acceptInvitation, createInvitationLink, readInvitation } from "./invitations";

let t: TestDb;
let admin: Actor;
const now = new Date("2026-03-10T10:00:00Z");
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);
const tokenOf = (path: string) => path.slice("/invite/".length);

beforeAll(async () => {
  t = await createTestDb();
  admin = await createActor(t.db, "admin");
});
afterAll(() => t?.close());

async function invite(email: string) {
  const { user, invitation } = await createUser({
    db: t.db,
    actor: admin,
    now,
    input: { name: `Invitee ${email}`, email, role: "rep" },
  });
  return { user, token: tokenOf(invitation!.path) };
}

describe("invitation links", () => {
  it("let the invitee set a password once, then sign in with it", async () => {
    const { user, token } = await invite("cleo@example.test");
    expect(await readInvitation(t.db, token, later(1))).toMatchObject({
      ok: true,
      name: "Invitee cleo@example.test",
      email: "cleo@example.test",
    });
    expect(await acceptInvitation({ db: t.db, token, password: "short", now: later(1) })).toEqual({
      ok: false,
      reason: "password",
      message: "Choose a password of at least 8 characters.",
    });
    expect(
      await acceptInvitation({ db: t.db, token, password: "cleo-password", now: later(1) }),
    ).toEqual({ ok: true, email: "cleo@example.test" });
    expect(
      (await verifyCredentials(t.db, { email: "cleo@example.test", password: "cleo-password" }))
        ?.id,
    ).toBe(user.id);
    // Spent: a second use (another tab, a forwarded mail) changes nothing.
    expect(
      await acceptInvitation({ db: t.db, token, password: "someone-else", now: later(1) }),
    ).toEqual({ ok: false, reason: "used" });
    expect(
      await verifyCredentials(t.db, { email: "cleo@example.test", password: "someone-else" }),
    ).toBeNull();
  });

  it("keep only a hash of the token, and refuse unknown, forged or huge tokens", async () => {
    const { user, token } = await invite("dan@example.test");
    const [row] = await t.db
      .select()
      .from(userInvitations)
      .where(eq(userInvitations.userId, user.id));
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    for (const bad of ["", "nope", `${token}x`, "\u0000", "a".repeat(10_000)]) {
      expect(await readInvitation(t.db, bad, later(1))).toEqual({ ok: false, reason: "unknown" });
      expect(
        await acceptInvitation({ db: t.db, token: bad, password: "long-enough", now: later(1) }),
      ).toEqual({ ok: false, reason: "unknown" });
    }
  });

  it("expire after seven days; a new link replaces the old one", async () => {
    const { user, token } = await invite("eve@example.test");
    expect(await readInvitation(t.db, token, later(7))).toEqual({ ok: false, reason: "expired" });
    expect(
      await acceptInvitation({ db: t.db, token, password: "eve-password", now: later(8) }),
    ).toEqual({ ok: false, reason: "expired" });
    const fresh = await createInvitationLink({
      db: t.db,
      actor: admin,
      userId: user.id,
      now: later(8),
    });
    expect(await readInvitation(t.db, token, later(8))).toEqual({ ok: false, reason: "unknown" });
    expect(
      await acceptInvitation({
        db: t.db,
        token: tokenOf(fresh.path),
        password: "eve-password",
        now: later(9),
      }),
    ).toEqual({ ok: true, email: "eve@example.test" });
  });

  it("do not work for a deactivated user, who gets no new link either", async () => {
    const { user, token } = await invite("fay@example.test");
    await updateMember({ db: t.db, actor: admin, userId: user.id, active: false, now });
    expect(await readInvitation(t.db, token, later(1))).toEqual({ ok: false, reason: "inactive" });
    expect(
      await acceptInvitation({ db: t.db, token, password: "fay-password", now: later(1) }),
    ).toEqual({ ok: false, reason: "inactive" });
    await expect(
      createInvitationLink({ db: t.db, actor: admin, userId: user.id, now }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toBeNull();
  });

  it("race: two tabs setting a password with one link, only one wins", async () => {
    const { token } = await invite("gus@example.test");
    const results = await Promise.all([
      acceptInvitation({ db: t.db, token, password: "gus-first-pw", now: later(1) }),
      acceptInvitation({ db: t.db, token, password: "gus-second-pw", now: later(1) }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "used" }]);
  });
});
