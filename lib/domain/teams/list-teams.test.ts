import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead, createTeam, createUser } from "@/db/factories";
import { teamTerritories } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { listTeams } from "./list-teams";
import { createActor } from "./test-actors";

let t: TestDb;
let admin: Actor, manager: Actor, rep: Actor;
const ids: Record<string, string> = {};
const now = new Date("2026-03-10T10:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  admin = await createActor(t.db, "admin", "Alex Admin");
  rep = await createActor(t.db, "rep", "Rita Unteamed");
  await createActor(t.db, "marketer", "Mia Marketer");
  const emea = await createTeam(t.db, "EMEA");
  const americas = await createTeam(t.db, "Americas", "America/New_York");
  ids.emea = emea.id;
  ids.americas = americas.id;
  await t.db.insert(teamTerritories).values([
    { country: "FR", teamId: emea.id },
    { country: "BE", teamId: emea.id },
    { country: "US", teamId: americas.id },
  ]);
  const sophie = await createUser(t.db, {
    role: "manager",
    name: "Sophie Manager",
    teamId: emea.id,
  });
  manager = {
    id: sophie.id,
    name: sophie.name,
    email: sophie.email,
    role: "manager",
    teamId: emea.id,
    timeZone: "UTC",
  };
  const thomas = await createUser(t.db, {
    role: "rep",
    name: "Thomas Busy",
    teamId: emea.id,
    capacity: 3,
    timeZone: "Europe/Paris",
    awayUntil: new Date("2026-03-12T23:00:00Z"),
  });
  const lea = await createUser(t.db, {
    role: "rep",
    name: "Léa Back",
    teamId: emea.id,
    awayUntil: new Date("2026-03-01T00:00:00Z"),
  });
  ids.thomas = thomas.id;
  ids.lea = lea.id;
  // Open MQLs are leads at stage MQL the member owns; accepted or recycled leads do not count.
  for (let i = 0; i < 4; i++) await createLead(t.db, { stage: "mql", ownerId: thomas.id });
  await createLead(t.db, { stage: "sal", ownerId: thomas.id });
  await createLead(t.db, { stage: "recycled", ownerId: thomas.id });
  await createLead(t.db, { stage: "mql", ownerId: lea.id });
  await createLead(t.db, { stage: "mql", ownerId: null });
});
afterAll(() => t?.close());

describe("listing teams", () => {
  it("gives each team its countries and members, with open MQLs against capacity", async () => {
    const { teams } = await listTeams({ db: t.db, actor: admin, now });
    expect(teams.map((team) => [team.name, team.timeZone, team.countries])).toEqual([
      ["Americas", "America/New_York", ["US"]],
      ["EMEA", "Europe/Paris", ["BE", "FR"]],
    ]);
    const emea = teams.find((team) => team.id === ids.emea)!;
    expect(emea.members.map((m) => [m.name, m.role, m.openMqls, m.capacity])).toEqual([
      ["Léa Back", "rep", 1, 50],
      ["Sophie Manager", "manager", 0, 50],
      ["Thomas Busy", "rep", 4, 3],
    ]);
    expect(teams.find((team) => team.id === ids.americas)!.members).toEqual([]);
  });

  it("says who is away now, and until which day in their own zone", async () => {
    const { teams } = await listTeams({ db: t.db, actor: admin, now });
    const members = teams.find((team) => team.id === ids.emea)!.members;
    expect(members.find((m) => m.id === ids.thomas)).toMatchObject({
      away: true,
      awayUntil: "2026-03-12",
    });
    expect(members.find((m) => m.id === ids.lea)).toMatchObject({ away: false, awayUntil: null });
    const later = await listTeams({
      db: t.db,
      actor: admin,
      now: new Date("2026-03-13T00:00:00Z"),
    });
    expect(
      later.teams.find((team) => team.id === ids.emea)!.members.find((m) => m.id === ids.thomas),
    ).toMatchObject({ away: false });
  });

  it("lists reps and managers in no team apart, and leaves out admins and marketers", async () => {
    const { unteamed } = await listTeams({ db: t.db, actor: admin, now });
    expect(unteamed.map((m) => m.name)).toEqual(["Rita Unteamed"]);
  });

  it("lets managers read, and refuses reps", async () => {
    await expect(listTeams({ db: t.db, actor: manager, now })).resolves.toMatchObject({
      teams: expect.any(Array),
    });
    await expect(listTeams({ db: t.db, actor: rep, now })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
