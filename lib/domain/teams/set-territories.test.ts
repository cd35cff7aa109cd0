import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeam } from "@/db/factories";
import { auditLog, teamTerritories } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { setTerritories } from "./set-territories";
import { createActor } from "./test-actors";

let t: TestDb;
let admin: Actor, manager: Actor;
let emea: { id: string }, americas: { id: string };

const countriesOf = async (teamId: string) =>
  (await t.db.select().from(teamTerritories).where(eq(teamTerritories.teamId, teamId)))
    .map((r) => r.country)
    .sort();

beforeAll(async () => {
  t = await createTestDb();
  admin = await createActor(t.db, "admin");
  manager = await createActor(t.db, "manager");
  emea = await createTeam(t.db, "EMEA");
  americas = await createTeam(t.db, "Americas", "America/New_York");
});
afterAll(() => t?.close());

describe("setting a team's countries", () => {
  it("takes codes in any case, once each, and reports what was added and removed", async () => {
    const first = await setTerritories({
      db: t.db,
      actor: admin,
      teamId: emea.id,
      countries: ["fr", " BE", "FR", "de"],
    });
    expect(first).toMatchObject({
      countries: ["BE", "DE", "FR"],
      added: ["BE", "DE", "FR"],
      removed: [],
      moved: [],
    });
    const second = await setTerritories({
      db: t.db,
      actor: admin,
      teamId: emea.id,
      countries: ["FR", "BE", "CH"],
    });
    expect(second).toMatchObject({
      countries: ["BE", "CH", "FR"],
      added: ["CH"],
      removed: ["DE"],
      moved: [],
    });
    expect(await countriesOf(emea.id)).toEqual(["BE", "CH", "FR"]);
  });

  it("moves a country another team covers, and says so in the answer", async () => {
    await setTerritories({ db: t.db, actor: admin, teamId: americas.id, countries: ["US", "CA"] });
    const result = await setTerritories({
      db: t.db,
      actor: admin,
      teamId: americas.id,
      countries: ["US", "CA", "FR"],
    });
    expect(result.moved).toEqual([{ country: "FR", fromTeamId: emea.id, fromTeamName: "EMEA" }]);
    expect(await countriesOf(americas.id)).toEqual(["CA", "FR", "US"]);
    expect(await countriesOf(emea.id)).toEqual(["BE", "CH"]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, americas.id))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit.action).toBe("team.territories_set");
    expect(audit.data).toMatchObject({
      team: "Americas",
      added: ["FR"],
      moved: [{ country: "FR", from: "EMEA" }],
    });
  });

  it("clears every country with an empty list, and writes no audit entry when nothing changes", async () => {
    const before = (await t.db.select().from(auditLog)).length;
    await setTerritories({ db: t.db, actor: admin, teamId: emea.id, countries: ["BE", "CH"] });
    expect((await t.db.select().from(auditLog)).length).toBe(before);
    const cleared = await setTerritories({
      db: t.db,
      actor: admin,
      teamId: emea.id,
      countries: [],
    });
    expect(cleared).toMatchObject({ countries: [], removed: ["BE", "CH"] });
    expect(await countriesOf(emea.id)).toEqual([]);
  });

  it("refuses codes that are not countries, naming the field", async () => {
    await expect(
      setTerritories({
        db: t.db,
        actor: admin,
        teamId: emea.id,
        countries: ["FR", "XX", "France"],
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fields: {
        "countries.1": [expect.stringContaining("two-letter")],
        "countries.2": [expect.stringContaining("two-letter")],
      },
    });
    expect(await countriesOf(emea.id)).toEqual([]);
  });

  it("answers not found for an unknown team and forbidden for a manager", async () => {
    await expect(
      setTerritories({
        db: t.db,
        actor: admin,
        teamId: "00000000-0000-4000-8000-000000000000",
        countries: ["FR"],
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      setTerritories({ db: t.db, actor: manager, teamId: emea.id, countries: ["FR"] }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await countriesOf(americas.id)).toContain("FR");
  });
});
