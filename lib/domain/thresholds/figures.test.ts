import { describe, expect, it } from "vitest";
import {
  bandIndex,
  binScores,
  scoreQuantile,
  conversionAtOrAbove,
  leadsAtOrAbove,
  mqlsPerWeek,
  niceWidth,
  weeksCovered,
} from "./figures";

describe("threshold figures", () => {
  const scores = [
    { score: -100, leads: 2 },
    { score: 40, leads: 5 },
    { score: 99, leads: 3 },
    { score: 100, leads: 4 },
    { score: 180, leads: 1 },
  ];

  it("counts leads at or above a threshold, rounding a fractional threshold up", () => {
    expect(leadsAtOrAbove(scores, 100)).toBe(5);
    expect(leadsAtOrAbove(scores, 99)).toBe(8);
    expect(leadsAtOrAbove(scores, 99.5)).toBe(5);
    expect(leadsAtOrAbove(scores, 181)).toBe(0);
    expect(leadsAtOrAbove([], 0)).toBe(0);
  });

  it("counts, per week, the past handoffs scoring at or above the threshold", () => {
    const weeks = [
      {
        start: "2026-09-07T00:00:00.000Z",
        handoffs: [
          { score: 60, mqls: 3 },
          { score: 120, mqls: 1 },
        ],
      },
      { start: "2026-09-14T00:00:00.000Z", handoffs: [{ score: 105, mqls: 2 }] },
      { start: "2026-09-21T00:00:00.000Z", handoffs: [{ score: 150, mqls: 2 }] },
    ];
    expect(mqlsPerWeek(weeks, 100).map((w) => w.mqls)).toEqual([1, 2, 2]);
    expect(mqlsPerWeek(weeks, 50).map((w) => w.mqls)).toEqual([4, 2, 2]);
    expect(mqlsPerWeek(weeks, 130).map((w) => w.mqls)).toEqual([0, 0, 2]);
    expect(mqlsPerWeek(weeks, 120.5).map((w) => w.mqls)).toEqual([0, 0, 2]);
  });

  it("knows how many weeks the history covers", () => {
    const weeks = ["2026-09-07", "2026-09-14", "2026-09-21"].map((d) => ({
      start: `${d}T00:00:00.000Z`,
      handoffs: [],
    }));
    expect(weeksCovered({ weeks, historySince: null })).toBe(0);
    expect(weeksCovered({ weeks, historySince: "2026-09-16T10:00:00Z" })).toBe(2);
    expect(weeksCovered({ weeks, historySince: "2025-01-01T00:00:00Z" })).toBe(3);
  });

  it("gives the MQL→SQL rate of handoffs at or above the threshold, and no rate on a thin sample", () => {
    const handoffs = [
      { score: 80, mqls: 40, decided: 30, converted: 3 },
      { score: 120, mqls: 30, decided: 25, converted: 10 },
      { score: 200, mqls: 10, decided: 10, converted: 8 },
    ];
    expect(conversionAtOrAbove(handoffs, 100)).toEqual({
      mqls: 40,
      decided: 35,
      converted: 18,
      rate: 18 / 35,
    });
    expect(conversionAtOrAbove(handoffs, 0).rate).toBeCloseTo(21 / 65);
    expect(conversionAtOrAbove(handoffs, 150)).toEqual({
      mqls: 10,
      decided: 10,
      converted: 8,
      rate: null,
    });
  });

  it("bins scores on multiples of a nice width", () => {
    expect(niceWidth(280)).toBe(10);
    expect(niceWidth(30)).toBe(1);
    expect(niceWidth(1000)).toBe(50);
    expect(binScores(scores, 50)).toEqual([
      { from: -100, leads: 2 },
      { from: -50, leads: 0 },
      { from: 0, leads: 5 },
      { from: 50, leads: 3 },
      { from: 100, leads: 4 },
      { from: 150, leads: 1 },
    ]);
  });

  it("folds the tails into the first and last bins when given a range, and finds quantiles", () => {
    expect(binScores(scores, 50, { lo: 0, hi: 150 })).toEqual([
      { from: 0, leads: 7 },
      { from: 50, leads: 3 },
      { from: 100, leads: 5 },
    ]);
    expect(scoreQuantile(scores, 0.4)).toBe(40);
    expect(scoreQuantile(scores, 0.5)).toBe(99);
    expect(scoreQuantile(scores, 0.995)).toBe(180);
    expect(scoreQuantile([], 0.5)).toBeNull();
  });

  it("puts a score in the highest band whose minimum it reaches", () => {
    const bands = [{ min: 0 }, { min: 20 }, { min: 40 }];
    expect([-5, 0, 19.9, 20, 45].map((s) => bandIndex(bands, s))).toEqual([0, 0, 0, 1, 2]);
  });
});
