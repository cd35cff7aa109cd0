import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leads } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { getLeadScore } from "@/lib/domain/scoring/lead-score";
import { publishDraft } from "@/lib/domain/scoring/publish";
import { template } from "@/lib/domain/scoring/templates";
import { saveDraft } from "@/lib/domain/scoring/versions";
import { upsertLeads } from "./upsert-leads";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await saveDraft(t.db, template("seed-001-saas") as never, { userId: null, label: "Test" });
  await publishDraft(t.db, { actorType: "user", actorId: "t", label: "Test", userId: null });
});
afterAll(() => t?.close());

const byEmail = async (email: string) =>
  (await t.db.select().from(leads).where(eq(leads.email, email)))[0];

describe("lead upserts", () => {
  it("creates, then changes only the fields sent, merges traits and rescores fit", async () => {
    const created = await upsertLeads(t.db, [
      {
        email: "Ada@Engines.test",
        firstName: "Ada",
        seniority: "vp",
        industry: "Technology",
        country: "us",
        traits: { plan: "pro" },
      },
    ]);
    expect(created.leads[0]).toMatchObject({ created: true });
    expect(await byEmail("ada@engines.test")).toMatchObject({
      firstName: "Ada",
      country: "US",
      traits: { plan: "pro" },
    });
    expect((await getLeadScore(t.db, created.leads[0].id))!.fit).toBe(20 + 15 + 5);

    const updated = await upsertLeads(t.db, [
      { email: "ada@engines.test", companySize: 120, traits: { seats: 40 }, firstName: "" },
    ]);
    expect(updated.leads[0]).toMatchObject({ id: created.leads[0].id, created: false });
    const lead = await byEmail("ada@engines.test");
    expect(lead).toMatchObject({
      firstName: null,
      seniority: "vp",
      companySize: 120,
      traits: { plan: "pro", seats: 40 },
    });
    expect((await getLeadScore(t.db, lead.id))!.fit).toBe(20 + 15 + 10 + 5);
  });

  it("recognises a lead first known by user id when it is later identified by email", async () => {
    const [first] = (await upsertLeads(t.db, [{ externalId: "crm-42", jobTitle: "CTO" }])).leads;
    const [second] = (
      await upsertLeads(t.db, [
        { externalId: "crm-42", email: "grace@navy.test", firstName: "Grace" },
      ])
    ).leads;
    expect(second).toMatchObject({ id: first.id, created: false });
    expect(await byEmail("grace@navy.test")).toMatchObject({
      externalId: "crm-42",
      jobTitle: "CTO",
      firstName: "Grace",
    });
  });

  it("reports each bad lead by index and saves the others", async () => {
    const result = await upsertLeads(t.db, [
      { email: "ok@x.test" },
      { firstName: "No id" },
      { email: "bad", country: "France" },
      { email: "x@x.test", companySize: -3 },
    ]);
    expect(result.leads.map((l) => l.index)).toEqual([0]);
    expect(result.errors.map((e) => [e.index, Object.keys(e.fields ?? {}).sort()])).toEqual([
      [1, ["email"]],
      [2, ["country", "email"]],
      [3, ["companySize"]],
    ]);
  });
});
