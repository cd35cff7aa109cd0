/** Every report on the hand-built history of test-data.ts; expected figures worked out by hand. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { scoringModelSchema, type ScoringModel } from "@/lib/domain/scoring/model";
import { saveDraft } from "@/lib/domain/scoring/versions";
import { calibrationReport } from "./calibration";
import { EMPTY_QUERY } from "./context";
import { funnelReport } from "./funnel";
import { reasonsReport } from "./reasons";
import { ruleLiftReport } from "./rule-lift";
import { getReportSettings, updateReportSettings } from "./settings";
import { slaReport } from "./sla";
import {
  buildReasonData,
  buildReportData,
  buildSlaData,
  HANDOFFS,
  NOW,
  TEST_MODEL,
} from "./test-data";

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
  /**
   * The expected report by plain code: each handoff scored under `model` as of its handoff (demos
   * up to then, the industry it had then), placed in the model's bands; its outcome for
   * "opportunity" read from its later stages. L7 predates the first recorded outcome (15 Aug).
   */
  function expected(model: ScoringModel, windowDays: number) {
    const handoffs = Object.entries(HANDOFFS)
      .filter(([name]) => name !== "L7")
      .map(([name, h]) => {
        const at = Date.parse(h.mql);
        const score = model.rules
          .filter((r) => r.enabled !== false)
          .reduce((sum, r) => {
            if (r.kind === "event")
              return sum + r.points * h.demos.filter((d) => Date.parse(d) <= at).length;
            return r.kind === "attribute" && r.value === h.industry ? sum + r.points : sum;
          }, 0);
        const reached = h.then.some(([to]) => to === "opportunity" || to === "customer");
        const closed = h.then.some(([to]) => to === "recycled");
        const decided = reached || closed || at < NOW.getTime() - windowDays * 86_400_000;
        return { name, score, decided, converted: decided && reached };
      });
    const bandOf = (score: number) => model.bands.findLastIndex((b) => score >= b.min);
    const bands = model.bands.map((b, i) => {
      const inBand = handoffs.filter((h) => bandOf(h.score) === i);
      const decided = inBand.filter((h) => h.decided).length;
      const converted = inBand.filter((h) => h.converted).length;
      return {
        key: b.name,
        handoffs: inBand.length,
        decided,
        converted,
        rate: decided ? converted / decided : null,
      };
    });
    const decided = handoffs.filter((h) => h.decided).sort((a, b) => a.score - b.score);
    return { handoffs, bands, deciles: decided.map((h) => [h.score, h.converted ? 1 : 0]) };
  }

  it("scores past handoffs under the live model as of each handoff, not the score recorded then", async () => {
    const r = await calibrationReport(t.db, EMPTY_QUERY, "opportunity", NOW);
    const x = expected(TEST_MODEL, 90);
    expect(r).toMatchObject({ model: "live", version: 1, unrecorded: 0 });
    expect(r.outcomesSince).toBe("2026-08-15T10:00:00Z"); // L7 (3 Aug) is left out
    // Scores under the model differ from those recorded (L3 60 → 40, L6 40 → 10, L5 30 → 5):
    // demos after the handoff do not count, L2 and L4 read the industry they had then.
    expect(Object.fromEntries(x.handoffs.map((h) => [h.name, h.score]))).toEqual({
      L1: 70,
      L2: 100,
      L3: 40,
      L4: 60,
      L5: 5,
      L6: 10,
    });
    expect(r.bands.map(({ interval: _i, label: _l, ...b }) => b)).toEqual(
      x.bands.map((b, i) => ({
        ...b,
        minScore: TEST_MODEL.bands[i].min,
        maxScore: TEST_MODEL.bands[i + 1]?.min ?? null,
      })),
    );
    // By hand: cold L3 ✓, L5 open, L6 ✗ → 1 of 2; warm L1 ✓, L4 ✓ → 2 of 2; hot L2 ✗ → 0 of 1.
    expect(r.bands.map((b) => [b.key, b.handoffs, b.decided, b.converted])).toEqual([
      ["cold", 3, 2, 1],
      ["warm", 2, 2, 2],
      ["hot", 1, 1, 0],
    ]);
    // The n and the intervals shown: warm 2/2 is [0.342, 1], hot 0/1 is [0, 0.793].
    const band = (key: string) => r.bands.find((b) => b.key === key)!;
    expect(band("warm").interval!.low).toBeCloseTo(0.342, 3);
    expect(band("hot").interval!.high).toBeCloseTo(0.7935, 3);
    // hot converts worse than warm, but on 1 decided lead against 2 the intervals overlap: a dip
    // that may be chance, not an inversion.
    expect(r.monotonic).toBe(true);
    expect(r.inversions).toEqual([]);
    expect(r.dips).toEqual([{ lower: "warm", higher: "hot" }]);
    // Five decided handoffs in ten tiles, one each, lowest score first.
    expect(r.deciles.map((d) => [d.minScore, d.converted])).toEqual(x.deciles);
    expect(r.deciles.map((d) => d.key)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("judges the draft when asked: its scores and its bands", async () => {
    // Demos weigh little and software much: every software lead is hot.
    const draft = scoringModelSchema.parse({
      ...TEST_MODEL,
      bands: [
        { name: "low", min: 0 },
        { name: "high", min: 45 },
      ],
      rules: TEST_MODEL.rules.map((rule) =>
        rule.id === "demo"
          ? { ...rule, points: 5 }
          : rule.id === "fit"
            ? { ...rule, points: 50 }
            : rule,
      ),
    });
    await saveDraft(t.db, draft, { userId: null, label: "test" });
    try {
      const r = await calibrationReport(t.db, EMPTY_QUERY, "opportunity", NOW, "draft");
      const x = expected(draft, 90);
      expect(r).toMatchObject({ model: "draft", version: null });
      expect(r.bands.map((b) => [b.key, b.handoffs, b.decided, b.converted])).toEqual(
        x.bands.map((b) => [b.key, b.handoffs, b.decided, b.converted]),
      );
      // low: L4 (retail then) ✓, L5 open → 1 of 1; high: L1 ✓, L2 ✗, L3 ✓, L6 ✗ → 2 of 4.
      expect(r.bands.map((b) => [b.key, b.decided, b.converted])).toEqual([
        ["low", 1, 1],
        ["high", 4, 2],
      ]);
      expect(r.deciles.map((d) => [d.minScore, d.converted])).toEqual(x.deciles);
      // The live model is still what the report judges by default.
      expect((await calibrationReport(t.db, EMPTY_QUERY, "opportunity", NOW)).model).toBe("live");
    } finally {
      await t.db.execute(sql`delete from model_draft`);
    }
  });

  it("counts an open handoff as lost once the window has passed", async () => {
    // 60 days after L5's handoff (29 Sep) with a 30-day window, L5 is decided and not converted.
    await updateReportSettings(
      t.db,
      { targetRate: 0.25, targetStage: "qualified", outcomeWindowDays: 30 },
      { userId: null, now: NOW },
    );
    const r = await calibrationReport(t.db, EMPTY_QUERY, "opportunity", NOW);
    const cold = expected(TEST_MODEL, 30).bands[0];
    expect(cold).toMatchObject({ decided: 3, converted: 1 });
    expect(r.bands.find((b) => b.key === "cold")).toMatchObject(cold);
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
