import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import { importOlistLeads } from "./import-olist";
import { mapOlistCsv } from "./olist-csv";
import { olistFunnel } from "./olist-funnel";

// Made-up rows in the files' shape (not the real data set).
const { leads } = mapOlistCsv(
  "mql_id,first_contact_date,landing_page_id,origin\nm1,2018-01-05,lp1,paid_search\nm2,2018-01-20,lp2,\nm3,2018-02-01,lp1,paid_search\n",
  "mql_id,seller_id,sdr_id,sr_id,won_date,business_segment\nm1,s,d,r,2018-01-25 10:00:00,pet\n",
);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe("importOlistLeads", () => {
  it("writes one lead per MQL with its transitions, and a second run changes nothing", async () => {
    expect(await importOlistLeads(t.db, leads)).toEqual({
      leadsCreated: 3,
      leadsSkipped: 0,
      mqlTransitions: 3,
      wonTransitions: 1,
    });
    expect(await importOlistLeads(t.db, leads)).toEqual({
      leadsCreated: 0,
      leadsSkipped: 3,
      mqlTransitions: 0,
      wonTransitions: 0,
    });
    const rows = await queryRows<{
      ext: string;
      email: string | null;
      source: string;
      stage: string;
      traits: unknown;
      created: Date | string;
    }>(
      t.db,
      sql`select external_id as ext, email, source, lifecycle_stage as stage, traits, created_at as created from leads order by external_id`,
    );
    expect(rows.map((r) => [r.ext, r.email, r.source, r.stage])).toEqual([
      ["olist:m1", null, "paid_search", "customer"],
      ["olist:m2", null, "unknown", "mql"],
      ["olist:m3", null, "paid_search", "mql"],
    ]);
    expect(rows[0].traits).toEqual({ landing_page_id: "lp1", first_contact_date: "2018-01-05" });
    expect(new Date(rows[0].created).toISOString()).toBe("2018-01-05T00:00:00.000Z");
    const transitions = await queryRows<{
      from: string | null;
      to: string;
      reason: string;
      actor: string;
      actorId: string;
    }>(
      t.db,
      sql`select from_stage as from, to_stage as to, reason, actor_type as actor, actor_id as "actorId" from lead_transitions order by id`,
    );
    expect(transitions).toHaveLength(4);
    expect(transitions.at(-1)).toEqual({
      from: "mql",
      to: "customer",
      reason: "crm_won",
      actor: "system",
      actorId: "import:olist",
    });
  });

  it("reads back through the handoff outcomes query", async () => {
    const f = await olistFunnel(t.db);
    expect(f.overall).toMatchObject({ mqls: 3, won: 1, customers: 1, medianDays: 20 + 10 / 24 });
    expect(f.cohorts).toEqual([
      { key: "2018-01", mqls: 2, won: 1, rate: 50 },
      { key: "2018-02", mqls: 1, won: 0, rate: 0 },
    ]);
    expect(f.byOrigin.find((r) => r.key === "paid_search")).toEqual({
      key: "paid_search",
      mqls: 2,
      won: 1,
      rate: 50,
    });
  });
});
