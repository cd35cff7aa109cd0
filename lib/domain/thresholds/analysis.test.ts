/**
 * The backtest on a hand-built history: a draft whose rules are known, leads whose attributes and
 * events are known, handoffs and outcomes known — the expected scores, MQL counts and conversions
 * are computed here by plain code, and the designer and the assistant must give exactly them.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { publishTestModel } from "@/lib/domain/predict/test-seed";
import { updateReportSettings } from "@/lib/domain/reports/settings";
import { scoringModelSchema } from "@/lib/domain/scoring/model";
import { saveDraft } from "@/lib/domain/scoring/versions";
import { thresholdEvidence } from "./analysis";
import { thresholdRecommendation } from "./backtest";
import { conversionAtOrAbove, mqlsPerWeek, weeksCovered } from "./figures";
import { backtestHandoffs, byScore, weeksCoveredBy, type BacktestBucket } from "./handoff-backtest";

let t: TestDb;
const now = new Date("2026-11-18T12:00:00Z");
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const WINDOW_DAYS = 90;

const draft = scoringModelSchema.parse({
  name: "Draft under test",
  mqlThreshold: 60,
  bands: [{ name: "cold", min: 0 }],
  caps: { fit: null, engagement: 70, total: null },
  rules: [
    {
      id: "ind",
      kind: "attribute",
      label: "Software",
      field: "industry",
      op: "eq",
      value: "Software",
      points: 30,
    },
    {
      id: "plan",
      kind: "attribute",
      label: "Paid plan",
      field: "traits.plan",
      op: "in",
      value: ["pro", "enterprise"],
      points: 15,
    },
    {
      id: "size",
      kind: "attribute",
      label: "200+",
      field: "companySize",
      op: "gte",
      value: 200,
      points: 10,
    },
    {
      id: "pricing",
      kind: "event",
      label: "Pricing",
      event: "Page Viewed",
      where: [{ property: "path", op: "eq", value: "/pricing" }],
      withinDays: 30,
      maxCount: 3,
      points: 10,
    },
    {
      id: "demo",
      kind: "event",
      label: "Demo",
      event: "Demo Requested",
      halfLifeDays: 14,
      points: 40,
    },
    {
      id: "mail",
      kind: "event",
      label: "Mail",
      event: "Email Opened",
      halfLifeDays: 7,
      maxCount: 2,
      points: 5,
    },
  ],
});

type Attrs = { industry: string; plan: string; size: number };
type Ev = { name: string; path?: string; at: number };
type Handoff = { at: number; attrs: Attrs; events: Ev[]; outcome: "sql" | "recycled" | "open" };

/** The draft's score of a handoff, by hand: events up to the handoff, attributes as given. */
function expectedScore(h: Handoff): number {
  const fit =
    (h.attrs.industry === "Software" ? 30 : 0) +
    (["pro", "enterprise"].includes(h.attrs.plan) ? 15 : 0) +
    (h.attrs.size >= 200 ? 10 : 0);
  const seen = h.events.filter((e) => e.at <= h.at);
  const pricing = seen.filter(
    (e) => e.name === "Page Viewed" && e.path === "/pricing" && e.at >= h.at - 30 * DAY,
  ).length;
  const decay = (e: Ev, days: number) => 0.5 ** ((h.at - e.at) / (days * DAY));
  const demo = seen
    .filter((e) => e.name === "Demo Requested")
    .reduce((s, e) => s + decay(e, 14), 0);
  const mail = seen
    .filter((e) => e.name === "Email Opened")
    .sort((a, b) => b.at - a.at)
    .slice(0, 2)
    .reduce((s, e) => s + decay(e, 7), 0);
  return fit + Math.min(70, Math.min(pricing, 3) * 10 + demo * 40 + mail * 5);
}

/** A deterministic generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const handoffs: Handoff[] = [];

async function transition(leadId: string, at: number, to: string) {
  await t.db
    .execute(sql`insert into lead_transitions (lead_id, at, to_stage, actor_type, reason, score_total)
    values (${leadId}, ${new Date(at).toISOString()}::timestamptz, ${to}::lifecycle_stage, 'system', 'test',
            ${to === "mql" ? 999 : null})`);
}

beforeAll(async () => {
  t = await createTestDb();
  // The live model scores very differently: judging it is another backtest.
  await publishTestModel(t.db, 1, {
    mqlThreshold: 50,
    rules: [
      {
        id: "ind",
        kind: "attribute",
        label: "Software",
        field: "industry",
        op: "eq",
        value: "Software",
        points: 5,
      },
    ],
  });
  await saveDraft(t.db, draft, { userId: null, label: "test" });
  await updateReportSettings(
    t.db,
    { targetRate: 0.3, targetStage: "qualified", outcomeWindowDays: WINDOW_DAYS },
    { userId: null, now },
  );
  const r = random(7);
  const names = ["Page Viewed", "Page Viewed", "Demo Requested", "Email Opened", "Email Opened"];
  for (let i = 0; i < 40; i++) {
    const attrs: Attrs = {
      industry: r() < 0.5 ? "Software" : "Retail",
      plan: ["free", "pro", "enterprise"][Math.floor(r() * 3)],
      size: Math.floor(r() * 500),
    };
    const lead = await createLead(t.db, {
      industry: attrs.industry,
      companySize: attrs.size,
      traits: { plan: attrs.plan },
    });
    const first = Math.round(now.getTime() - (30 + r() * 150) * DAY);
    const events: Ev[] = Array.from({ length: 12 }, () => ({
      name: names[Math.floor(r() * names.length)],
      path: r() < 0.6 ? "/pricing" : "/docs",
      at: Math.round(first - 60 * DAY + r() * 90 * DAY),
    }));
    for (const e of events)
      await t.db
        .execute(sql`insert into events (lead_id, name, properties, occurred_at, external_id)
        values (${lead.id}, ${e.name}, ${JSON.stringify({ path: e.path })}::jsonb, ${new Date(e.at).toISOString()}::timestamptz, ${`${i}-${e.at}-${r()}`})`);
    const times = i % 5 === 0 ? [first, first + 20 * DAY] : [first];
    for (const [k, at] of times.entries()) {
      const last = k === times.length - 1;
      const roll = r();
      const outcome = !last ? "recycled" : roll < 0.4 ? "sql" : roll < 0.7 ? "recycled" : "open";
      await transition(lead.id, at, "mql");
      if (outcome === "sql") {
        await transition(lead.id, at + DAY, "sal");
        await transition(lead.id, at + 4 * DAY, "sql");
      } else if (outcome === "recycled") await transition(lead.id, at + 2 * DAY, "recycled");
      handoffs.push({ at, attrs, events, outcome });
    }
    if (i === 1) {
      // Changed after the handoff: the backtest reads the lead as it was then.
      const then = attrs.industry;
      await t.db.execute(
        sql`update leads set industry = ${then === "Software" ? "Retail" : "Software"} where id = ${lead.id}`,
      );
    }
    if (i === 2) {
      // No record of the attributes then (an old handoff): read as the lead is now.
      await t.db.execute(
        sql`update leads set industry = 'Software', company_size = 450 where id = ${lead.id}`,
      );
      await t.db.execute(
        sql`update lead_transitions set attributes = null where lead_id = ${lead.id} and to_stage = 'mql'`,
      );
      handoffs
        .filter((h) => h.events === events)
        .forEach((h) => {
          h.attrs = { ...attrs, industry: "Software", size: 450 };
        });
    }
  }
});
afterAll(() => t?.close());

/** The expected buckets, by plain code over the hand-built history. */
function expectedBuckets(): { buckets: BacktestBucket[]; from: number } {
  const end = Math.max(...handoffs.map((h) => h.at));
  const from = end - 26 * WEEK;
  const since = Math.min(...handoffs.filter((h) => h.outcome === "sql").map((h) => h.at + 4 * DAY));
  const cutoff = now.getTime() - WINDOW_DAYS * DAY;
  const map = new Map<string, BacktestBucket>();
  for (const h of handoffs) {
    const week = Math.min(25, Math.floor((h.at - from) / WEEK));
    const score = Math.floor(expectedScore(h));
    const key = `${week}:${score}`;
    const b = map.get(key) ?? { week, score, mqls: 0, decided: 0, converted: 0, accepted: 0 };
    const known = h.at >= since && (h.outcome !== "open" || h.at < cutoff);
    b.mqls++;
    if (known) b.decided++;
    if (known && h.outcome === "sql") b.converted++;
    if (h.outcome === "sql") b.accepted++;
    map.set(key, b);
  }
  const buckets = [...map.values()].sort((a, b) => a.week - b.week || a.score - b.score);
  return { buckets, from };
}

describe("backtest under the judged model", () => {
  it("scores each past handoff as the draft would have, as of the handoff: exactly the expected MQLs and conversions", async () => {
    const expected = expectedBuckets();
    const bt = await backtestHandoffs(t.db, { model: draft, now, target: "qualified" });
    expect(bt.from.getTime()).toBe(expected.from);
    expect(bt.unrecorded).toBe(1);
    expect(bt.buckets).toEqual(expected.buckets);
    // "Had this draft been live, these past leads would have become MQLs, and converted so":
    const mqls = handoffs.filter((h) => expectedScore(h) >= draft.mqlThreshold);
    const scored = byScore(bt.buckets).filter((b) => b.score >= draft.mqlThreshold);
    expect(scored.reduce((s, b) => s + b.mqls, 0)).toBe(mqls.length);
    expect(scored.reduce((s, b) => s + b.accepted, 0)).toBe(
      mqls.filter((h) => h.outcome === "sql").length,
    );
    expect(mqls.length).toBeGreaterThan(5);
    expect(mqls.length).toBeLessThan(handoffs.length);
  });

  it("gives the designer and the assistant the same MQLs per week and conversion", async () => {
    const [evidence, assistant] = await Promise.all([
      thresholdEvidence(t.db, now, "draft"),
      thresholdRecommendation(t.db, { now, model: "draft", capacity: 0 }),
    ]);
    expect(evidence).toMatchObject({ model: "draft", target: "qualified", unrecorded: 1 });
    expect(assistant).toMatchObject({ model: "draft", version: null, target: "qualified" });
    const covered = weeksCovered(evidence);
    expect(assistant.weeks).toBe(covered);
    for (const point of assistant.curve) {
      const weekly = mqlsPerWeek(evidence.weeks, point.threshold).slice(-covered);
      expect(weekly.reduce((s, w) => s + w.mqls, 0) / covered).toBeCloseTo(point.mqlsPerWeek, 10);
      const conversion = conversionAtOrAbove(evidence.handoffs, point.threshold);
      expect({ decided: conversion.decided, converted: conversion.converted }).toEqual({
        decided: point.decided,
        converted: point.converted,
      });
    }
    const bt = await backtestHandoffs(t.db, { model: draft, now });
    expect(weeksCoveredBy(bt)).toBe(covered);
  });

  it("judges the live model when asked, scoring the same handoffs under its rules", async () => {
    const live = await thresholdRecommendation(t.db, { now, model: "live", capacity: 0 });
    expect(live).toMatchObject({ model: "live", version: 1 });
    // The live model gives 0 or 5: never the 999 recorded at the handoffs, nor the draft's scores.
    expect(live.curve.map((p) => p.threshold)).toEqual([0, 5]);
    expect(live.current?.threshold).toBe(50);
  });

  it("buckets current scores by whole point", async () => {
    const evidence = await thresholdEvidence(t.db, now);
    expect(evidence.scores).toEqual([]);
  });
});
