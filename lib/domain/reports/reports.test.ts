/** Every report on the hand-built history of test-data.ts; expected figures worked out by hand. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { calibrationReport } from "./calibration";
import { EMPTY_QUERY } from "./context";
import { funnelReport } from "./funnel";
import { reasonsReport } from "./reasons";
import { ruleLiftReport } from "./rule-lift";
import { getReportSettings, updateReportSettings } from "./settings";
import { slaReport } from "./sla";
import { buildReasonData, buildReportData, buildSlaData, NOW } from "./test-data";

let t: TestDb;
let d: Awaited<ReturnType<typeof buildReportData>>;
const september = {
  ...EMPTY_QUERY,
  from: new Date("2026-08-31T00:00:00Z"),
  to: new Date("2026-10-05T00:00:00Z"),
};
const counts = (
  mqls: number,
  accepted: number,
  qualified: number,
  opportunity: number,
  won: number,
) => ({ mqls, accepted, qualified, opportunity, won });

beforeAll(async () => {
  t = await createTestDb();
  d = await buildReportData(t.db);
  await buildSlaData(t.db, d);
  await buildReasonData(t.db, d);
});
afterAll(() => t?.close());

describe("funnel", () => {
  it("counts each stage per weekly cohort, with empty weeks kept", async () => {
    const r = await funnelReport(t.db, september, { grain: "week", split: "none" }, NOW);
    // Weeks of 31 Aug (L1, L2), 14 Sep (L3, L4), 28 Sep (L5, L6); 7 and 21 Sep are empty. L7 (3 Aug) is outside.
    expect(r.cohorts).toEqual([
      { cohort: "2026-08-31", ...counts(2, 2, 1, 1, 0) }, // L1 reached opportunity, L2 was accepted then recycled
      { cohort: "2026-09-07", ...counts(0, 0, 0, 0, 0) },
      { cohort: "2026-09-14", ...counts(2, 2, 2, 2, 1) }, // L3 won (implies every stage), L4 opportunity
      { cohort: "2026-09-21", ...counts(0, 0, 0, 0, 0) },
      { cohort: "2026-09-28", ...counts(2, 0, 0, 0, 0) }, // L5 open, L6 recycled
    ]);
    expect(r.totals).toEqual(counts(6, 4, 3, 3, 1));
    expect(r.groups).toEqual([]);
    expect(r.target).toEqual({ rate: 0.3, stage: "opportunity" });
    expect(r.outcomesSince).toBe("2026-08-15T10:00:00Z");
  });

  it("splits by source, band, grade, rep and team", async () => {
    const groups = async (split: "source" | "band" | "grade" | "rep" | "team") =>
      (await funnelReport(t.db, september, { grain: "month", split }, NOW)).groups;
    expect(await groups("source")).toEqual([
      { key: "ads", label: "ads", ...counts(3, 1, 1, 1, 1) }, // L3, L5, L6
      { key: "webinar", label: "webinar", ...counts(2, 2, 1, 1, 0) },
      { key: "", label: "(none)", ...counts(1, 1, 1, 1, 0) }, // L4
    ]);
    // Bands at handoff: cold < 50 (L5 30, L6 40), warm < 80 (L3 60, L4 55), hot (L1 90, L2 85); ties by key.
    expect((await groups("band")).map((g) => [g.key, g.mqls, g.opportunity])).toEqual([
      ["cold", 2, 0],
      ["hot", 2, 1],
      ["warm", 2, 2],
    ]);
    // Fit grades A ≥ 40 (L1 45), B ≥ 25 (L2 30), C ≥ 10 (L3 20, L5 12), D (L4 5, L6 0).
    expect((await groups("grade")).map((g) => [g.key, g.mqls, g.accepted])).toEqual([
      ["C", 2, 1],
      ["D", 2, 1],
      ["A", 1, 1],
      ["B", 1, 1],
    ]);
    expect(await groups("rep")).toEqual([
      { key: d.repA.id, label: "Alice", ...counts(3, 3, 2, 2, 1) },
      { key: "", label: "(unassigned)", ...counts(2, 0, 0, 0, 0) },
      { key: d.repB.id, label: "Bob", ...counts(1, 1, 1, 1, 0) },
    ]);
    expect((await groups("team")).map((g) => [g.label, g.mqls])).toEqual([
      ["Team A", 3],
      ["(no team)", 2],
      ["Team B", 1],
    ]);
    // Months the period touches: August (31 Aug, nothing), September (all six), October (1–4, nothing).
    const monthly = await funnelReport(t.db, september, { grain: "month", split: "none" }, NOW);
    expect(monthly.cohorts.map((c) => [c.cohort, c.mqls])).toEqual([
      ["2026-08-01", 0],
      ["2026-09-01", 6],
      ["2026-10-01", 0],
    ]);
  });

  it("filters by rep, team and source", async () => {
    expect(
      (
        await funnelReport(
          t.db,
          { ...september, repId: d.repA.id },
          { grain: "week", split: "none" },
          NOW,
        )
      ).totals.mqls,
    ).toBe(3);
    expect(
      (
        await funnelReport(
          t.db,
          { ...september, teamId: d.teamB.id },
          { grain: "week", split: "none" },
          NOW,
        )
      ).totals.mqls,
    ).toBe(1);
    expect(
      (
        await funnelReport(
          t.db,
          { ...EMPTY_QUERY, source: "ads" },
          { grain: "week", split: "none" },
          NOW,
        )
      ).totals.mqls,
    ).toBe(4); // with L7
  });
});

describe("calibration", () => {
  it("rates each band and decile of decided handoffs since outcomes were recorded", async () => {
    const r = await calibrationReport(t.db, EMPTY_QUERY, "opportunity", NOW);
    expect(r.outcomesSince).toBe("2026-08-15T10:00:00Z"); // L7 (3 Aug, hot, recycled) is left out
    const band = (key: string) => r.bands.find((b) => b.key === key)!;
    // cold: L5 still open (within 90 days), L6 recycled → 1 decided, 0 converted; interval of 0/1 is [0, 0.793].
    expect(band("cold")).toMatchObject({
      minScore: 0,
      maxScore: 50,
      handoffs: 2,
      decided: 1,
      converted: 0,
      rate: 0,
    });
    expect(band("cold").interval!.high).toBeCloseTo(0.7935, 3);
    // warm: L3 and L4 both reached opportunity → 2/2, [0.342, 1].
    expect(band("warm")).toMatchObject({ handoffs: 2, decided: 2, converted: 2, rate: 1 });
    expect(band("warm").interval!.low).toBeCloseTo(0.342, 3);
    // hot: L1 yes, L2 recycled → 1/2 — lower than warm, but 2 decided against 2: the intervals
    // overlap, so a dip that may be chance, not an inversion.
    expect(band("hot")).toMatchObject({
      minScore: 80,
      maxScore: null,
      handoffs: 2,
      decided: 2,
      converted: 1,
      rate: 0.5,
    });
    expect(r.monotonic).toBe(true);
    expect(r.inversions).toEqual([]);
    expect(r.dips).toEqual([{ lower: "warm", higher: "hot" }]);
    // Five decided handoffs in ten tiles: one each, by score 40 (L6 ✗), 55 (L4 ✓), 60 (L3 ✓), 85 (L2 ✗), 90 (L1 ✓).
    expect(r.deciles.map((x) => [x.key, x.minScore, x.converted])).toEqual([
      ["1", 40, 0],
      ["2", 55, 1],
      ["3", 60, 1],
      ["4", 85, 0],
      ["5", 90, 1],
    ]);
  });

  it("counts an open handoff as lost once the window has passed", async () => {
    // 60 days after L5's handoff (29 Sep) with a 30-day window, L5 is decided and not converted.
    await updateReportSettings(
      t.db,
      { targetRate: 0.25, targetStage: "qualified", outcomeWindowDays: 30 },
      { userId: null, now: NOW },
    );
    const r = await calibrationReport(t.db, EMPTY_QUERY, "opportunity", NOW);
    expect(r.bands.find((b) => b.key === "cold")).toMatchObject({ decided: 2, converted: 0 });
    expect(await getReportSettings(t.db)).toEqual({
      targetRate: 0.25,
      targetStage: "qualified",
      outcomeWindowDays: 30,
    });
    await updateReportSettings(
      t.db,
      { targetRate: 0.3, targetStage: "opportunity", outcomeWindowDays: 90 },
      { userId: d.repA.id, now: NOW },
    );
  });
});

describe("rule lift", () => {
  it("compares each rule's conversion with the base rate among snapshotted decided handoffs", async () => {
    const r = await ruleLiftReport(t.db, EMPTY_QUERY, "opportunity", NOW);
    // Snapshotted under v1 and decided: L1 ✓, L2 ✗, L3 ✓, L4 ✓ → 3 of 4, base rate 0.75 (L6's snapshot is
    // under v0: pending; L5 open; L7 before outcomes were recorded).
    expect(r).toMatchObject({ modelVersion: 1, decided: 4, converted: 3, snapshotsPending: 1 });
    expect(r.rules.map((x) => x.ruleId)).toEqual(["demo", "fit", "none"]); // "off" is disabled
    const [demo, fit, none] = r.rules;
    // demo fired on L1 ✓ and L3 ✓: 2/2 → lift 1 / 0.75 = 1.333; shares 2/3 of accepted, 0/1 of rejected.
    expect(demo).toMatchObject({
      fired: 2,
      firedConverted: 2,
      shareOfRejected: 0,
      points: 30,
      kind: "event",
    });
    expect(demo.lift).toBeCloseTo(4 / 3, 6);
    expect(demo.shareOfAccepted).toBeCloseTo(2 / 3, 6);
    expect(demo.interval!.low).toBeCloseTo(0.3424 / 0.75, 3);
    // fit fired on L2 ✗ and L4 ✓: 1/2 → lift 0.667; 1/3 of accepted, 1/1 of rejected.
    expect(fit).toMatchObject({ fired: 2, firedConverted: 1, shareOfRejected: 1 });
    expect(fit.lift).toBeCloseTo(2 / 3, 6);
    expect(none).toMatchObject({ fired: 0, lift: null, interval: null, shareOfAccepted: 0 });
  });
});

describe("SLA", () => {
  it("counts met, breached and open first touches with median and p90 per rep, team and overall", async () => {
    const r = await slaReport(t.db, EMPTY_QUERY, NOW);
    // Alice: 10, 30, 120 min (the last late) → median 30; p90 at rank 0.9·2 = 1.8 → 30 + 0.8·90 = 102.
    expect(r.reps.find((x) => x.key === d.repA.id)).toEqual({
      key: d.repA.id,
      label: "Alice",
      clocks: 3,
      met: 2,
      breached: 1,
      open: 0,
      compliance: 2 / 3,
      medianMinutes: 30,
      p90Minutes: 102,
    });
    // Bob: 2 min, plus one clock not yet due.
    expect(r.reps.find((x) => x.key === d.repB.id)).toMatchObject({
      clocks: 2,
      met: 1,
      breached: 0,
      open: 1,
      compliance: 1,
      medianMinutes: 2,
      p90Minutes: 2,
    });
    expect(r.teams.map((x) => [x.label, x.clocks])).toEqual([
      ["Team A", 3],
      ["Team B", 2],
    ]);
    // All: 2, 10, 30, 120 → median 20; p90 at rank 2.7 → 30 + 0.7·90 = 93.
    expect(r.overall).toMatchObject({
      clocks: 5,
      met: 3,
      breached: 1,
      open: 1,
      compliance: 0.75,
      medianMinutes: 20,
      p90Minutes: 93,
    });
    expect(r.distribution.map((b) => [b.bucket, b.touches])).toEqual([
      ["0-5", 1],
      ["5-15", 1],
      ["15-60", 1],
      ["60-240", 1],
      ["240-1440", 0],
      ["1440+", 0],
    ]);
    expect(r.breachesByWeek).toEqual([
      { week: "2026-09-14", firstTouch: 1, touches: 0 },
      { week: "2026-09-21", firstTouch: 0, touches: 1 },
    ]);
    expect((await slaReport(t.db, { ...EMPTY_QUERY, repId: d.repB.id }, NOW)).overall.clocks).toBe(
      2,
    );
  });
});

describe("reasons", () => {
  it("counts reasons per week, zero-filled, labelled in French, with the spike", async () => {
    const r = await reasonsReport(t.db, EMPTY_QUERY, { grain: "week", locale: "fr" });
    expect(r.periods).toEqual([
      "2026-09-07",
      "2026-09-14",
      "2026-09-21",
      "2026-09-28",
      "2026-10-05",
    ]);
    // not_ready: [1, 0, 1, 0, 4]; before week 5 mean 0.5, sd 0.5 → 4 > 1.5: a spike, expected 0.5.
    expect(r.reasons).toEqual([
      {
        kind: "reject",
        code: "not_ready",
        label: "Pas prêt / mauvais moment",
        counts: [1, 0, 1, 0, 4],
        total: 6,
        spike: { period: "2026-10-05", count: 4, expected: 0.5 },
      },
      {
        kind: "disqualify",
        code: "competitor",
        label: "Concurrent",
        counts: [0, 1, 0, 0, 0],
        total: 1,
        spike: null,
      },
    ]);
    const monthly = await reasonsReport(
      t.db,
      { ...EMPTY_QUERY, from: new Date("2026-10-01T00:00:00Z") },
      { grain: "month", locale: "en" },
    );
    expect(monthly).toMatchObject({
      periods: ["2026-10-01"],
      reasons: [{ label: "Not ready / timing", counts: [4] }],
    });
  });
});
