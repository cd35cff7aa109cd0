/**
 * compileScoresAt on a few handoffs whose scores are worked out by plain code: only events up to
 * each handoff count, windows end at it (and bound the events read when every rule has one), a
 * decayed rule with a cap keeps the N most recent events before the handoff, attributes are read
 * as recorded then — or as the lead is now when there is no record.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createLead } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { compileScoresAt } from "./compile-handoffs";
import { handoffRowsSql, scoringQuery } from "./handoff-rows";
import { scoringModelSchema } from "./model";

const DAY = 86_400_000;
const T0 = Date.parse("2026-06-01T00:00:00Z");
let t: TestDb;

/** Every event rule has a window: events older than 30 days before a handoff are not even read. */
const model = scoringModelSchema.parse({
  name: "windows",
  mqlThreshold: 10,
  bands: [{ name: "all", min: 0 }],
  rules: [
    {
      id: "soft",
      kind: "attribute",
      label: "Software",
      field: "industry",
      op: "eq",
      value: "Software",
      points: 7,
    },
    {
      id: "visit",
      kind: "event",
      label: "Visit",
      event: "Page Viewed",
      withinDays: 10,
      maxCount: 3,
      points: 2,
    },
    {
      id: "demos",
      kind: "event",
      label: "Demos",
      event: "Demo Requested",
      withinDays: 30,
      points: 1,
    },
    {
      id: "demo",
      kind: "event",
      label: "Demo",
      event: "Demo Requested",
      withinDays: 30,
      halfLifeDays: 5,
      maxCount: 2,
      points: 10,
    },
  ],
});

type Ev = { name: string; day: number };
const events: Ev[] = [
  ...[-40, -20, -9, -8, -3, -1, 0, 2].map((day) => ({ name: "Page Viewed", day })),
  ...[-35, -12, -6, -2, 1].map((day) => ({ name: "Demo Requested", day })),
];

/** By hand: the model's score of a handoff on `day` with `industry` read then. */
function expected(day: number, industry: string | null): number {
  const seen = events.filter((e) => e.day <= day);
  const visits = seen.filter((e) => e.name === "Page Viewed" && e.day >= day - 10).length;
  const recent = seen.filter((e) => e.name === "Demo Requested" && e.day >= day - 30).length;
  const demos = seen
    .filter((e) => e.name === "Demo Requested" && e.day >= day - 30)
    .sort((a, b) => b.day - a.day)
    .slice(0, 2)
    .reduce((s, e) => s + 0.5 ** ((day - e.day) / 5), 0);
  return (industry === "Software" ? 7 : 0) + Math.min(visits, 3) * 2 + recent + demos * 10;
}

beforeAll(async () => {
  t = await createTestDb();
  const lead = await createLead(t.db, { industry: "Software" });
  for (const [k, e] of events.entries())
    await t.db.execute(sql`insert into events (lead_id, name, properties, occurred_at, external_id)
      values (${lead.id}, ${e.name}, '{}'::jsonb, ${new Date(T0 + e.day * DAY).toISOString()}::timestamptz, ${`e${k}`})`);
  const handoff = (day: number) =>
    t.db.execute(sql`insert into lead_transitions (lead_id, at, to_stage, actor_type, reason)
      values (${lead.id}, ${new Date(T0 + day * DAY).toISOString()}::timestamptz, 'mql', 'system', 'test')`);
  await handoff(-15); // recorded as Software
  await t.db.execute(sql`update leads set industry = 'Retail' where id = ${lead.id}`);
  await handoff(0); // recorded as Retail
  await handoff(1);
  // No record for the third: read as the lead is now (Software again).
  await t.db.execute(sql`update leads set industry = 'Software' where id = ${lead.id}`);
  await t.db.execute(
    sql`update lead_transitions set attributes = null where at = ${new Date(T0 + DAY).toISOString()}::timestamptz`,
  );
});
afterAll(() => t?.close());

describe("compileScoresAt", () => {
  it("scores each handoff as of its time, with windows, caps, decay and the attributes then", async () => {
    const rows = await scoringQuery<{ at: string; total: number; unrecorded: boolean }>(
      t.db,
      sql`select r.at, s.total, s.unrecorded
          from (${compileScoresAt(model, handoffRowsSql({ from: null, to: new Date(T0 + 10 * DAY) }))}) s
          join lead_transitions r on r.id = s.row_id order by r.at`,
    );
    const want = [
      [-15, "Software"],
      [0, "Retail"],
      [1, "Software"],
    ] as const;
    expect(rows.map((r) => r.unrecorded)).toEqual([false, false, true]);
    rows.forEach((r, i) =>
      expect(Number(r.total)).toBeCloseTo(expected(want[i][0], want[i][1]), 9),
    );
    // The handoffs differ only by what they saw: the windows and the record did the work.
    expect(new Set(rows.map((r) => Number(r.total).toFixed(6))).size).toBe(3);
    // From a day on, earlier handoffs are not scored.
    const later = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from (${compileScoresAt(model, handoffRowsSql({ from: new Date(T0 - DAY), to: new Date(T0 + 10 * DAY) }))}) s`,
    );
    expect(later[0].n).toBe(2);
  });
});
