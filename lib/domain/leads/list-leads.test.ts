import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead, createTeam, createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { getLead } from "./get-lead";
import { listLeads, listLeadsSchema } from "./list-leads";

let t: TestDb;
let rep: Actor, otherRep: Actor, marketer: Actor;
const ids: Record<string, string> = {};

const actorOf = (u: {
  id: string;
  name: string;
  email: string;
  role: Actor["role"];
  teamId: string | null;
}): Actor => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  teamId: u.teamId,
  timeZone: "UTC",
});

beforeAll(async () => {
  t = await createTestDb();
  const team = await createTeam(t.db, "EMEA");
  rep = actorOf(await createUser(t.db, { role: "rep", teamId: team.id, name: "Rita Rep" }));
  otherRep = actorOf(await createUser(t.db, { role: "rep", teamId: team.id, name: "Otto Other" }));
  marketer = actorOf(await createUser(t.db, { role: "marketer", name: "Mia Marketer" }));
  for (let i = 0; i < 30; i++) {
    await createLead(t.db, {
      firstName: "Bulk",
      lastName: `Lead ${String(i).padStart(2, "0")}`,
      company: "Bulk Corp",
      stage: "lead",
    });
  }
  ids.ritaMql = (
    await createLead(t.db, {
      firstName: "Ada",
      lastName: "Lovelace",
      company: "Analytical Engines",
      stage: "mql",
      ownerId: rep.id,
    })
  ).id;
  ids.ritaSql = (
    await createLead(t.db, {
      firstName: "Grace",
      lastName: "Hopper",
      company: "Compilers 100% Inc",
      stage: "sql",
      ownerId: rep.id,
    })
  ).id;
  ids.ottoMql = (
    await createLead(t.db, {
      firstName: "Alan",
      lastName: "Turing",
      company: "Bletchley",
      stage: "mql",
      ownerId: otherRep.id,
    })
  ).id;
});
afterAll(() => t?.close());

const query = (input: Parameters<typeof listLeadsSchema.parse>[0]) => listLeadsSchema.parse(input);

describe("listing leads", () => {
  it("shows a rep only the leads they own, whatever the filters say", async () => {
    const mine = await listLeads({ db: t.db, actor: rep, query: query({}) });
    expect(mine.rows.map((r) => r.id).sort()).toEqual([ids.ritaMql, ids.ritaSql].sort());
    const sneaky = await listLeads({ db: t.db, actor: rep, query: query({ owner: otherRep.id }) });
    expect(sneaky.total).toBe(0);
  });

  it("shows marketers every lead and filters by stage and owner", async () => {
    const all = await listLeads({ db: t.db, actor: marketer, query: query({ pageSize: 200 }) });
    expect(all.total).toBe(33);
    const mqls = await listLeads({ db: t.db, actor: marketer, query: query({ stage: "mql" }) });
    expect(mqls.rows.map((r) => r.lastName).sort()).toEqual(["Lovelace", "Turing"]);
    const otto = await listLeads({
      db: t.db,
      actor: marketer,
      query: query({ owner: otherRep.id }),
    });
    expect(otto.rows.map((r) => r.ownerName)).toEqual(["Otto Other"]);
    const unassigned = await listLeads({
      db: t.db,
      actor: marketer,
      query: query({ owner: "unassigned" }),
    });
    expect(unassigned.total).toBe(30);
  });

  it("searches names, emails and companies, with LIKE wildcards taken literally", async () => {
    const byName = await listLeads({ db: t.db, actor: marketer, query: query({ q: "ada love" }) });
    expect(byName.rows.map((r) => r.id)).toEqual([ids.ritaMql]);
    const percent = await listLeads({ db: t.db, actor: marketer, query: query({ q: "100%" }) });
    expect(percent.rows.map((r) => r.id)).toEqual([ids.ritaSql]);
    const underscore = await listLeads({ db: t.db, actor: marketer, query: query({ q: "_" }) });
    expect(underscore.total).toBe(0);
  });

  it("paginates with stable totals and no overlap between pages", async () => {
    const q = { q: "Bulk", sort: "name" as const, pageSize: 12 };
    const p1 = await listLeads({ db: t.db, actor: marketer, query: query({ ...q, page: 1 }) });
    const p3 = await listLeads({ db: t.db, actor: marketer, query: query({ ...q, page: 3 }) });
    expect(p1.total).toBe(30);
    expect(p1.pageCount).toBe(3);
    expect(p1.rows[0].lastName).toBe("Lead 00");
    expect(p3.rows.map((r) => r.lastName)).toEqual([
      "Lead 24",
      "Lead 25",
      "Lead 26",
      "Lead 27",
      "Lead 28",
      "Lead 29",
    ]);
  });

  it("walks every lead exactly once with cursors, in recent order, and refuses a forged cursor", async () => {
    const all = await listLeads({ db: t.db, actor: marketer, query: query({ pageSize: 200 }) });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listLeads({
        db: t.db,
        actor: marketer,
        query: query({ pageSize: 7, cursor }),
      });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.rows.map((r) => r.id));
    await expect(
      listLeads({ db: t.db, actor: marketer, query: query({ cursor: "bm9wZQ" }) }),
    ).rejects.toThrow("The cursor is not one this API gave out.");
    expect(listLeadsSchema.safeParse({ cursor: "x", sort: "name" }).error?.issues[0].message).toBe(
      "Cursor pages follow the recent order: leave sort out.",
    );
  });

  it("rejects malformed filters with readable messages", () => {
    const result = listLeadsSchema.safeParse({
      stage: "hot",
      page: "0",
      pageSize: "5000",
      owner: "bob",
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "stage: Unknown lifecycle stage.",
        "page: Pages start at 1.",
        "pageSize: At most 200 leads per page.",
      ]),
    );
  });
});

describe("opening one lead", () => {
  it("answers a rep's request for another rep's lead exactly like a missing lead", async () => {
    expect(await getLead({ db: t.db, actor: rep, id: ids.ottoMql })).toBeNull();
    expect(
      await getLead({ db: t.db, actor: rep, id: "00000000-0000-4000-8000-000000000000" }),
    ).toBeNull();
    const own = await getLead({ db: t.db, actor: rep, id: ids.ritaMql });
    expect(own?.ownerName).toBe("Rita Rep");
    expect(own?.ownerTeam).toBe("EMEA");
    expect((await getLead({ db: t.db, actor: marketer, id: ids.ottoMql }))?.lastName).toBe(
      "Turing",
    );
  });
});
