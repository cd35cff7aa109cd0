/**
 * The lead list at scale: the total is counted up to a cap (10,000) rather than over every lead on
 * every page, and the score order (which walks lead_scores by total) still lists every lead once:
 * scored ones by score, then the unscored ones.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/db/factories";
import { leadScores } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { COUNT_CAP, listLeads, listLeadsSchema } from "./list-leads";

let t: TestDb;
let marketer: Actor;
const list = (input: Parameters<typeof listLeadsSchema.parse>[0]) =>
  listLeads({ db: t.db, actor: marketer, query: listLeadsSchema.parse(input) });

beforeAll(async () => {
  t = await createTestDb();
  const u = await createUser(t.db, { role: "marketer", name: "Mia Marketer" });
  marketer = { ...u, timeZone: "UTC" } as Actor;
});
afterAll(() => t?.close());

describe("the lead list sorted by score", () => {
  it("lists scored leads by score, then unscored ones, each once across pages", async () => {
    await t.db.execute(sql`
      insert into leads (email, last_name, company)
      select 'score' || g || '@scale.test', 'Score ' || g, 'Score Co' from generate_series(1, 12) g`);
    // 7 scored (two tied at 50), 5 without a score.
    await t.db.execute(sql`
      insert into ${leadScores} (lead_id, model_version, total, fit, engagement, fit_grade, engagement_grade, band, as_of, recorded_total)
      select id, 1, t.total, 0, 0, 'B', 2, 'warm', now(), t.total
      from (select id, row_number() over (order by email) as n from leads where company = 'Score Co') l
      join (values (1, 30), (2, 80), (3, 50), (4, 50), (5, 10), (6, 95), (7, 0)) t(n, total) on t.n = l.n`);
    const all = await list({ q: "Score Co", sort: "score", pageSize: 200 });
    expect(all.rows.map((r) => r.score)).toEqual([
      95,
      80,
      50,
      50,
      30,
      10,
      0,
      null,
      null,
      null,
      null,
      null,
    ]);
    const tied = all.rows.filter((r) => r.score === 50).map((r) => r.id);
    expect(tied).toEqual([...tied].sort());
    const unscored = all.rows.filter((r) => r.score === null).map((r) => r.id);
    expect(unscored).toEqual([...unscored].sort());

    // Pages of 5: the second straddles scored and unscored, the third is all unscored.
    const pages = await Promise.all(
      [1, 2, 3].map((page) => list({ q: "Score Co", sort: "score", pageSize: 5, page })),
    );
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all.rows.map((r) => r.id));
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    expect(pages[0]).toMatchObject({ total: 12, totalIsExact: true, pageCount: 3 });
    expect((await list({ q: "Score Co", sort: "score", pageSize: 5, page: 4 })).rows).toEqual([]);
  });
});

describe("the lead list's total", () => {
  it(`is exact up to ${COUNT_CAP.toLocaleString("en")} leads, then a lower bound with more pages to come`, async () => {
    await t.db.execute(sql`
      insert into leads (email, last_name, lifecycle_stage)
      select 'bulk' || g || '@scale.test', 'Bulk ' || g, case when g <= 40 then 'mql' else 'lead' end::lifecycle_stage
      from generate_series(1, ${COUNT_CAP + 20}) g`);
    const first = await list({});
    expect(first).toMatchObject({ total: COUNT_CAP, totalIsExact: false, hasMore: true, page: 1 });
    expect(first.rows).toHaveLength(25);
    expect(first.pageCount).toBeGreaterThanOrEqual(COUNT_CAP / 25);

    // A narrower filter is counted exactly.
    const mqls = await list({ stage: "mql" });
    expect(mqls).toMatchObject({ total: 40, totalIsExact: true, pageCount: 2, hasMore: true });

    // Paging past the cap counts as far as the page: the last page knows the exact total.
    const all = COUNT_CAP + 32; // 20 bulk + 12 from the score test
    const last = await list({ pageSize: 200, page: Math.ceil(all / 200) });
    expect(last).toMatchObject({ total: all, totalIsExact: true, hasMore: false });
    expect(last.rows).toHaveLength(all % 200);
    const middle = await list({ pageSize: 100, page: 60 });
    expect(middle).toMatchObject({
      total: COUNT_CAP,
      totalIsExact: false,
      hasMore: true,
      pageCount: 100,
    });
  });
});
