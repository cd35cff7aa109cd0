import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import { generateDemoData } from "./generate";

import { isDatabaseEmpty, seedDemoData } from ".";

const now = new Date("2026-11-23T12:00:00Z");

describe("demo data generator", () => {
  const data = generateDemoData({ now });

  it("is deterministic", () => {
    const again = generateDemoData({ now });
    expect(again.leads.map((l) => l.email)).toEqual(data.leads.map((l) => l.email));
    expect(again.events.length).toBe(data.events.length);
    expect(again.events[1234]).toEqual(data.events[1234]);
  });

  it("has about 3,000 leads and 60,000 events in the last 120 days", () => {
    expect(data.leads.length).toBe(3000);
    expect(data.events.length).toBeGreaterThan(50_000);
    expect(data.events.length).toBeLessThan(70_000);
    const oldest = Math.min(...data.events.map((e) => e.occurredAt.getTime()));
    expect(now.getTime() - oldest).toBeLessThanOrEqual(120 * 86_400_000);
    expect(Math.max(...data.events.map((e) => e.occurredAt.getTime()))).toBeLessThanOrEqual(
      now.getTime(),
    );
  });

  it("covers the behaviours scoring rules need", () => {
    const names = new Set(data.events.map((e) => e.name));
    for (const n of [
      "Email Opened",
      "Link Clicked",
      "Page Viewed",
      "Content Downloaded",
      "Webinar Registered",
      "Webinar Attended",
      "Demo Requested",
      "Unsubscribed",
      "Newsletter Subscribed",
      "Question Asked",
    ]) {
      expect(names, n).toContain(n);
    }
    const paths = new Set(
      data.events.filter((e) => e.name === "Page Viewed").map((e) => e.properties.path),
    );
    expect(paths).toContain("/pricing");
    expect(paths).toContain("/careers");
    const velocity = new Set(
      data.events
        .filter((e) => e.name === "Content Downloaded")
        .map((e) => e.properties.content_type),
    );
    expect([...velocity].sort()).toEqual(["high_velocity", "low_velocity"]);
  });

  it("includes Thibault from seed 003 with exactly his four actions", () => {
    const thibault = data.leads.find((l) => l.firstName === "Thibault")!;
    const his = data.events.filter((e) => e.leadId === thibault.id);
    expect(his.map((e) => e.name)).toEqual([
      "Link Clicked",
      "Page Viewed",
      "Content Downloaded",
      "Question Asked",
    ]);
    expect(his[0].occurredAt.getUTCDay()).toBe(2); // a Tuesday
  });
});

describe("seeding a database", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t?.close());

  it("fills an empty database with users, teams, leads and events", async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    const summary = await seedDemoData(t.db, { now, leads: 300 });
    expect(await isDatabaseEmpty(t.db)).toBe(false);
    const [counts] = await queryRows<{
      users: number;
      reps: number;
      teams: number;
      leads: number;
      events: number;
      orphans: number;
    }>(
      t.db,
      sql`select
        (select count(*)::int from users) as users,
        (select count(*)::int from users where role = 'rep') as reps,
        (select count(*)::int from teams) as teams,
        (select count(*)::int from leads) as leads,
        (select count(*)::int from events) as events,
        (select count(*)::int from leads l join users u on u.id = l.owner_id where u.role <> 'rep') as orphans`,
    );
    expect(counts).toEqual({
      users: 10,
      reps: 6,
      teams: 2,
      leads: 300,
      events: summary.events,
      orphans: 0,
    });
  });
});

describe("the demo's sales history", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { now, leads: 1500 });
  });
  afterAll(() => t?.close());

  it("is what the lifecycle engine would have done: handoffs, routing by territory, decisions", async () => {
    const [facts] = await queryRows<Record<string, number>>(
      t.db,
      sql`select
        (select count(*)::int from leads where lifecycle_stage not in ('lead', 'subscriber')) as with_sales,
        (select count(*)::int from leads l where lifecycle_stage not in ('lead', 'subscriber')
           and not exists (select 1 from lead_transitions t where t.lead_id = l.id and t.to_stage = 'mql')) as without_handoff,
        (select count(*)::int from leads l where lifecycle_stage <> coalesce((select t.to_stage from lead_transitions t where t.lead_id = l.id order by t.at desc, t.id desc limit 1), l.lifecycle_stage)) as stage_mismatch,
        (select count(*)::int from leads l join users u on u.id = l.owner_id left join team_territories tt on tt.country = l.country where tt.team_id is distinct from u.team_id) as wrong_team,
        (select count(*)::int from leads where lifecycle_stage <> 'lead' and lower(job_title) like '%student%') as students,
        (select count(*)::int from leads where lifecycle_stage = 'mql' and owner_id is not null) as open_mqls,
        (select count(*)::int from lead_transitions where to_stage = 'sal') as accepted,
        (select count(*)::int from lead_transitions where to_stage = 'recycled') as rejected,
        (select count(*)::int from lead_transitions where to_stage = 'disqualified') as disqualified,
        (select count(*)::int from lead_transitions where to_stage = 'sql') as qualified`,
    );
    expect(facts).toMatchObject({
      without_handoff: 0,
      stage_mismatch: 0,
      wrong_team: 0,
      students: 0,
    });
    for (const key of [
      "with_sales",
      "open_mqls",
      "accepted",
      "rejected",
      "disqualified",
      "qualified",
    ])
      expect(facts[key], key).toBeGreaterThan(0);
  });

  it("gives the sales history its activity: clocks, touches and decisions consistent with the transitions", async () => {
    const [facts] = await queryRows<Record<string, number>>(
      t.db,
      sql`select
        (select count(*)::int from leads l where lifecycle_stage = 'mql' and owner_id is not null
           and not exists (select 1 from sla_clocks c where c.lead_id = l.id and c.closed_at is null and c.user_id = l.owner_id)) as open_without_clock,
        (select count(*)::int from lead_transitions where actor_type = 'user' and reason in ('accepted', 'qualified', 'rejected', 'disqualified')) as decided_transitions,
        (select count(*)::int from decisions) as decisions,
        (select count(*)::int from decisions where kind = 'accept' and bant is null) as accept_without_bant,
        (select count(*)::int from decisions where kind in ('reject', 'disqualify') and reason_code is null) as without_reason,
        (select count(*)::int from decisions d where kind in ('reject', 'disqualify')
           and not exists (select 1 from reasons r where r.kind::text = d.kind::text and r.code = d.reason_code)) as unknown_reason,
        (select count(*)::int from decisions d where d.reason_code = 'no_response'
           and (select count(*) from touches t where t.lead_id = d.lead_id and t.at <= d.at) < 3) as no_response_too_early,
        (select count(*)::int from sla_clocks where closed_at is null and breached_first_touch_at is not null) as open_breached,
        (select count(*)::int from sla_clocks where closed_at is null and breached_first_touch_at is null) as open_running,
        (select count(*)::int from touches) as touches,
        (select count(*)::int from notifications) as notifications`,
    );
    expect(facts).toMatchObject({
      open_without_clock: 0,
      accept_without_bant: 0,
      without_reason: 0,
      unknown_reason: 0,
      no_response_too_early: 0,
      decisions: facts.decided_transitions,
    });
    for (const key of ["decisions", "open_breached", "open_running", "touches", "notifications"])
      expect(facts[key], key).toBeGreaterThan(0);
  });
});
