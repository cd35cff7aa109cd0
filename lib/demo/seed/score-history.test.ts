import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreSeries } from "@/lib/domain/scoring/score-series";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import { seedDemoData } from ".";

const now = new Date("2026-11-23T12:00:00Z");
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemoData(t.db, { now, leads: 300 });
}, 60_000);
afterAll(() => t?.close());

describe("demo score history", () => {
  it("replays each lead up to the score the published model gives it", async () => {
    // The last snapshot before the publish is the score the SQL scorer wrote (no decay in seed 001).
    const rows = await queryRows<{ leads: number; scored: number; agree: number }>(
      t.db,
      sql`with last as (
            select distinct on (lead_id) lead_id, total from score_history
            where at < ${now.toISOString()}::timestamptz order by lead_id, at desc, id desc)
          select (select count(*)::int from leads) as leads,
                 (select count(*)::int from last) as scored,
                 (select count(*)::int from last l join lead_scores s using (lead_id) where s.total = l.total) as agree`,
    );
    expect(rows[0].scored).toBe(rows[0].leads);
    expect(rows[0].agree).toBe(rows[0].leads);
  });

  it("gives engaged leads a trend that climbs over the last 90 days", async () => {
    const [top] = await queryRows<{ lead_id: string }>(
      t.db,
      sql`select lead_id from lead_scores order by engagement desc limit 1`,
    );
    const series = await scoreSeries(t.db, top.lead_id, { days: 90, now });
    expect(series.points.length).toBeGreaterThan(3);
    expect(series.points.at(-1)!.total).toBeGreaterThan(series.points[0].total);
  });
});
