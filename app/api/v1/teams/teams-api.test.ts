/**
 * The teams and users routes end to end, minus the cookie: the signed-in user is swapped in for
 * the session lookup (the one thing mocked); permissions, validation and the database are real.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTeam, createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { createActor } from "@/lib/domain/teams/test-actors";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const teamsRoute = await import("./route");
const teamRoute = await import("./[id]/route");
const territoriesRoute = await import("./[id]/territories/route");
const holidaysRoute = await import("./[id]/holidays/route");
const userRoute = await import("../users/[id]/route");

let t: TestDb;
let admin: Actor, manager: Actor, rep: Actor;
let team: { id: string }, member: { id: string };

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const json = (method: string, body: unknown) =>
  new Request("http://accord.test/api/v1/x", {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  admin = await createActor(t.db, "admin");
  manager = await createActor(t.db, "manager");
  rep = await createActor(t.db, "rep");
  team = await createTeam(t.db, "EMEA");
  member = await createUser(t.db, { role: "rep", teamId: team.id, capacity: 50 });
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});
beforeEach(() => {
  session.actor = null;
});

describe("teams API", () => {
  it("answers 401 without a session", async () => {
    const response = await teamsRoute.GET(new Request("http://accord.test/api/v1/teams"), ctx());
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  it("refuses managers and reps with 403, changing nothing", async () => {
    for (const actor of [manager, rep]) {
      session.actor = actor;
      expect(
        (await teamsRoute.GET(new Request("http://accord.test/api/v1/teams"), ctx())).status,
      ).toBe(403);
      expect(
        (await teamsRoute.POST(json("POST", { name: "Rogue", timeZone: "UTC" }), ctx())).status,
      ).toBe(403);
      expect(
        (await territoriesRoute.PUT(json("PUT", { countries: ["FR"] }), ctx({ id: team.id })))
          .status,
      ).toBe(403);
      const patch = await userRoute.PATCH(json("PATCH", { capacity: 999 }), ctx({ id: member.id }));
      expect(patch.status).toBe(403);
      expect((await patch.json()).error.code).toBe("forbidden");
    }
    session.actor = admin;
    const overview = (
      await (await teamsRoute.GET(new Request("http://accord.test/api/v1/teams"), ctx())).json()
    ).data;
    expect(overview.teams.map((x: { name: string }) => x.name)).toEqual(["EMEA"]);
    expect(overview.teams[0].countries).toEqual([]);
    expect(overview.teams[0].members[0].capacity).toBe(50);
  });

  it("lets an admin create and rename a team, set its countries and update a member", async () => {
    session.actor = admin;
    const created = await teamsRoute.POST(
      json("POST", { name: "Americas", timeZone: "America/New_York" }),
      ctx(),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()).data;
    const renamed = await teamRoute.PATCH(
      json("PATCH", { name: "North America", timeZone: "America/Chicago" }),
      ctx({ id }),
    );
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).data).toEqual({
      id,
      name: "North America",
      timeZone: "America/Chicago",
      created: false,
    });
    await territoriesRoute.PUT(json("PUT", { countries: ["FR"] }), ctx({ id: team.id }));
    const moved = await territoriesRoute.PUT(json("PUT", { countries: ["US", "FR"] }), ctx({ id }));
    expect((await moved.json()).data.moved).toEqual([
      { country: "FR", fromTeamId: team.id, fromTeamName: "EMEA" },
    ]);
    const patched = await userRoute.PATCH(
      json("PATCH", { capacity: 12, teamId: id }),
      ctx({ id: member.id }),
    );
    expect((await patched.json()).data).toMatchObject({ capacity: 12, teamId: id, openMqls: 0 });
    const away = await userRoute.PATCH(
      json("PATCH", {
        awayUntil: "2099-01-31",
        workingHours: { days: [5, 1, 1], start: "08:00", end: "16:00" },
      }),
      ctx({ id: member.id }),
    );
    expect((await away.json()).data).toMatchObject({
      awayUntil: "2099-01-31",
      away: true,
      workingHours: { days: [1, 5], start: "08:00", end: "16:00" },
    });

    const overview = (
      await (await teamsRoute.GET(new Request("http://accord.test/api/v1/teams"), ctx())).json()
    ).data;
    expect(overview.teams.map((x: { name: string }) => x.name)).toEqual(["EMEA", "North America"]);
    expect(overview.teams[1]).toMatchObject({
      countries: ["FR", "US"],
      members: [{ id: member.id, away: true }],
    });
    expect(overview).toMatchObject({ unassignedMqls: 0, uncoveredCountries: [] });
  });

  it("refuses an admin deactivating their own account (422)", async () => {
    session.actor = admin;
    const self = await userRoute.PATCH(json("PATCH", { active: false }), ctx({ id: admin.id }));
    expect(self.status).toBe(422);
    expect((await self.json()).error.fields).toEqual({
      active: ["You cannot deactivate your own account."],
    });
  });

  it("holidays: admins for any team, a manager for their own team only", async () => {
    const own = await createUser(t.db, { role: "manager", teamId: team.id, name: "EMEA manager" });
    const other = await createTeam(t.db, "APAC", "Asia/Tokyo");
    const teamManager: Actor = { ...own, teamId: team.id };
    session.actor = rep;
    expect(
      (await holidaysRoute.PUT(json("PUT", { holidays: [] }), ctx({ id: team.id }))).status,
    ).toBe(403);
    session.actor = teamManager;
    const set = await holidaysRoute.PUT(
      json("PUT", { holidays: ["2026-12-25", "2026-12-24", "2026-12-25"] }),
      ctx({ id: team.id }),
    );
    expect(set.status).toBe(200);
    expect((await set.json()).data).toEqual({
      teamId: team.id,
      holidays: ["2026-12-24", "2026-12-25"],
    });
    const elsewhere = await holidaysRoute.PUT(
      json("PUT", { holidays: ["2026-12-25"] }),
      ctx({ id: other.id }),
    );
    expect(elsewhere.status).toBe(403);
    const impossible = await holidaysRoute.PUT(
      json("PUT", { holidays: ["2026-02-30"] }),
      ctx({ id: team.id }),
    );
    expect(impossible.status).toBe(400);
    expect((await impossible.json()).error.fields).toEqual({
      "holidays.0": ["That date does not exist."],
    });
    session.actor = admin;
    const admins = await holidaysRoute.PUT(
      json("PUT", { holidays: ["2027-01-01"] }),
      ctx({ id: other.id }),
    );
    expect((await admins.json()).data).toEqual({ teamId: other.id, holidays: ["2027-01-01"] });
    expect(
      (await holidaysRoute.PUT(json("PUT", { holidays: [] }), ctx({ id: "nope" }))).status,
    ).toBe(404);
  });

  it("answers 400 with field errors and 404 for unknown ids", async () => {
    session.actor = admin;
    const bad = await userRoute.PATCH(json("PATCH", { capacity: 1001 }), ctx({ id: member.id }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual({
      capacity: ["Capacity is a whole number of open MQLs, from 0 to 1,000."],
    });
    expect(
      (await userRoute.PATCH(json("PATCH", { capacity: 5 }), ctx({ id: "nope" }))).status,
    ).toBe(404);
    expect(
      (
        await territoriesRoute.PUT(
          json("PUT", { countries: ["FR"] }),
          ctx({ id: "00000000-0000-4000-8000-000000000000" }),
        )
      ).status,
    ).toBe(404);
    const clash = await teamsRoute.POST(json("POST", { name: "emea", timeZone: "UTC" }), ctx());
    expect(clash.status).toBe(409);
  });
});
