import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeam } from "@/db/factories";
import { auditLog, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { verifyCredentials } from "@/lib/auth/credentials";
import { createActor } from "@/lib/domain/teams/test-actors";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";

let t: TestDb;
let admin: Actor, manager: Actor;
let emea: { id: string };
const now = new Date("2026-03-10T10:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  admin = await createActor(t.db, "admin");
  manager = await createActor(t.db, "manager");
  emea = await createTeam(t.db, "EMEA");
});
afterAll(() => t?.close());

describe("creating a user", () => {
  it("with a password: they can sign in at once, in their team and time zone", async () => {
    const { user, invitation } = await createUser({
      db: t.db,
      actor: admin,
      now,
      input: {
        name: " Ana Petit ",
        email: "Ana@Example.test",
        role: "rep",
        teamId: emea.id,
        timeZone: "Europe/Paris",
        capacity: 12,
        password: "s3cret-enough",
      },
    });
    expect(invitation).toBeNull();
    expect(user).toMatchObject({
      name: "Ana Petit",
      email: "ana@example.test",
      role: "rep",
      teamName: "EMEA",
      timeZone: "Europe/Paris",
      capacity: 12,
      active: true,
      passwordSet: true,
      invitationExpiresAt: null,
      openMqls: 0,
    });
    const signedIn = await verifyCredentials(t.db, {
      email: "ana@example.test",
      password: "s3cret-enough",
    });
    expect(signedIn?.id).toBe(user.id);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(audit).toMatchObject({ action: "user.created", actorId: admin.id });
  });

  it("without a password: invited, with a link valid seven days, and no way to sign in yet", async () => {
    const { user, invitation } = await createUser({
      db: t.db,
      actor: admin,
      now,
      input: { name: "Ben", email: "ben@example.test", role: "marketer" },
    });
    expect(invitation?.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(invitation?.expiresAt).toBe("2026-03-17T10:00:00.000Z");
    expect(user).toMatchObject({ passwordSet: false, invitationExpiresAt: invitation?.expiresAt });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toBeNull();
  });

  it("refuses a taken email whatever its case, an unknown team, and bad fields, in plain words", async () => {
    await expect(
      createUser({
        db: t.db,
        actor: admin,
        input: { name: "Again", email: "ANA@example.test", role: "rep" },
      }),
    ).rejects.toMatchObject({
      code: "conflict",
      fields: { email: ["A user with email ana@example.test already exists."] },
    });
    await expect(
      createUser({
        db: t.db,
        actor: admin,
        input: {
          name: "X",
          email: "x@example.test",
          role: "rep",
          teamId: "00000000-0000-4000-8000-000000000000",
        },
      }),
    ).rejects.toMatchObject({ code: "validation_failed", fields: { teamId: expect.any(Array) } });
    await expect(
      createUser({
        db: t.db,
        actor: admin,
        input: {
          name: "",
          email: "nope",
          role: "boss" as "rep",
          password: "short",
          capacity: 1001,
          timeZone: "Mars/Olympus",
        },
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fields: {
        name: ["Enter the person's name."],
        email: ["Enter a valid email address, e.g. ana@example.com."],
        role: ["Choose a role: admin, marketer, manager or rep."],
        password: ["Choose a password of at least 8 characters."],
        capacity: expect.any(Array),
        timeZone: expect.any(Array),
      },
    });
    const names = (await t.db.select({ name: users.name }).from(users)).map((u) => u.name);
    expect(names).not.toContain("Again");
    expect(names).not.toContain("X");
  });

  it("is for admins only", async () => {
    await expect(
      createUser({
        db: t.db,
        actor: manager,
        input: { name: "Sneaky", email: "sneaky@example.test", role: "admin" },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(listUsers({ db: t.db, actor: manager })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("lists everyone by name with their status", async () => {
    const list = await listUsers({ db: t.db, actor: admin, now });
    expect(list.map((u) => [u.email, u.passwordSet])).toEqual(
      expect.arrayContaining([
        ["ana@example.test", true],
        ["ben@example.test", false],
      ]),
    );
    const names = list.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
