import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead, createTeam, createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { getRoutingGaps } from "./get-routing-gaps";
import { setTerritories } from "./set-territories";
import { createActor } from "./test-actors";

let t: TestDb;
let admin: Actor, rep: Actor;
let emea: { id: string };

beforeAll(async () => {
  t = await createTestDb();
  admin = await createActor(t.db, "admin");
  rep = await createActor(t.db, "rep");
  emea = await createTeam(t.db, "EMEA");
  const owner = await createUser(t.db, { role: "rep", teamId: emea.id });
  await setTerritories({ db: t.db, actor: admin, teamId: emea.id, countries: ["FR", "DE"] });
  await createLead(t.db, { stage: "mql", country: "FR", ownerId: null });
  await createLead(t.db, { stage: "mql", country: "JP", ownerId: null });
  await createLead(t.db, { stage: "mql", country: "jp", ownerId: owner.id });
  await createLead(t.db, { stage: "lead", country: "BR", ownerId: null });
  await createLead(t.db, { stage: "sal", country: "DE", ownerId: null });
  await createLead(t.db, { stage: "mql", country: null, ownerId: null });
});
afterAll(() => t?.close());

describe("routing gaps", () => {
  it("counts the open MQLs nobody owns, and the countries no team covers by number of leads", async () => {
    const gaps = await getRoutingGaps({ db: t.db, actor: admin });
    expect(gaps.unassignedMqls).toBe(3);
    expect(gaps.uncoveredCountries).toEqual([
      { country: "JP", leads: 2 },
      { country: "BR", leads: 1 },
    ]);
  });

  it("forgets a country as soon as a team covers it", async () => {
    await setTerritories({
      db: t.db,
      actor: admin,
      teamId: emea.id,
      countries: ["FR", "DE", "JP"],
    });
    expect((await getRoutingGaps({ db: t.db, actor: admin })).uncoveredCountries).toEqual([
      { country: "BR", leads: 1 },
    ]);
  });

  it("is not for reps", async () => {
    await expect(getRoutingGaps({ db: t.db, actor: rep })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
