/**
 * The users routes end to end, minus the cookie: the signed-in user is swapped in for the session
 * lookup (the one thing mocked); permissions, validation and the database are real.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { createActor } from "@/lib/domain/teams/test-actors";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const usersRoute = await import("./route");
const userRoute = await import("./[id]/route");
const invitationRoute = await import("./[id]/invitation/route");

let t: TestDb;
let admin: Actor, manager: Actor;

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const send = (method: string, body: unknown) =>
  new Request("http://accord.test/api/v1/users", {
    method,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const list = () => usersRoute.GET(new Request("http://accord.test/api/v1/users"), ctx());

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  admin = await createActor(t.db, "admin", "Alex Admin");
  manager = await createActor(t.db, "manager");
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});
beforeEach(() => {
  session.actor = null;
});

describe("users API", () => {
  it("answers 401 without a session and 403 to a manager, creating nothing", async () => {
    expect((await list()).status).toBe(401);
    session.actor = manager;
    expect((await list()).status).toBe(403);
    const create = await usersRoute.POST(
      send("POST", { name: "Rogue", email: "rogue@example.test", role: "admin" }),
      ctx(),
    );
    expect(create.status).toBe(403);
    session.actor = admin;
    const emails = (await (await list()).json()).data.map((u: { email: string }) => u.email);
    expect(emails).not.toContain("rogue@example.test");
  });

  it("creates an invited user (201 with the link), refuses the same email again (409)", async () => {
    session.actor = admin;
    const created = await usersRoute.POST(
      send("POST", { name: "Nina", email: "nina@example.test", role: "rep" }),
      ctx(),
    );
    expect(created.status).toBe(201);
    const { data } = await created.json();
    expect(data.user).toMatchObject({ email: "nina@example.test", passwordSet: false });
    expect(data.invitation.path).toMatch(/^\/invite\//);
    const again = await usersRoute.POST(
      send("POST", { name: "Nina 2", email: "NINA@example.test", role: "rep" }),
      ctx(),
    );
    expect(again.status).toBe(409);
    expect((await again.json()).error.fields.email).toEqual([
      "A user with email nina@example.test already exists.",
    ]);

    const link = await invitationRoute.POST(
      new Request("http://accord.test/x", { method: "POST" }),
      ctx({ id: data.user.id }),
    );
    expect(link.status).toBe(201);
    expect((await link.json()).data.path).not.toBe(data.invitation.path);
    const unknown = await invitationRoute.POST(
      new Request("http://accord.test/x", { method: "POST" }),
      ctx({ id: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(unknown.status).toBe(404);
  });

  it("answers 400, never 500, to bodies from outside", async () => {
    session.actor = admin;
    for (const body of [
      "null",
      "[]",
      "{",
      { name: "A\u0000B", email: "nul@example.test", role: "rep" },
      { name: "Big", email: "big@example.test", role: "rep", capacity: 1e308 },
      { name: "Extra", email: "extra@example.test", role: "rep", isAdmin: true },
      { name: "x".repeat(101), email: "long@example.test", role: "rep" },
      { name: "Tz", email: "tz@example.test", role: "rep", timeZone: "Mars/Base" },
    ]) {
      const response = await usersRoute.POST(send("POST", body), ctx());
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
  });

  it("changes a role, and refuses an admin's own demotion with 422", async () => {
    session.actor = admin;
    const [nina] = (await (await list()).json()).data.filter(
      (u: { email: string }) => u.email === "nina@example.test",
    );
    const promoted = await userRoute.PATCH(
      send("PATCH", { role: "manager" }),
      ctx({ id: nina.id }),
    );
    expect(promoted.status).toBe(200);
    expect((await promoted.json()).data).toMatchObject({ role: "manager", reroutedMqls: 0 });
    const self = await userRoute.PATCH(send("PATCH", { role: "rep" }), ctx({ id: admin.id }));
    expect(self.status).toBe(422);
    expect((await self.json()).error.fields.role).toEqual([
      "You cannot change your own role: ask another admin.",
    ]);
  });
});
