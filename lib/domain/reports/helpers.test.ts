import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";
import { findSpike } from "./spike";
import { wilson } from "./wilson";
import { inversionsOf } from "./calibration";

describe("Wilson interval", () => {
  it("matches published values", () => {
    // 8 of 10: the textbook example, [0.490, 0.943].
    const a = wilson(8, 10)!;
    expect(a.low).toBeCloseTo(0.49, 3);
    expect(a.high).toBeCloseTo(0.943, 3);
    // 0 of 1: p = 0, centre = half-width = 1.9208 / 4.8416 = 0.3967 → [0, 0.793].
    expect(wilson(0, 1)!.low).toBe(0);
    expect(wilson(0, 1)!.high).toBeCloseTo(0.7935, 3);
    // 1 of 2: symmetric around 0.5, [0.0945, 0.9055].
    expect(wilson(1, 2)!.low).toBeCloseTo(0.0945, 3);
    expect(wilson(1, 2)!.high).toBeCloseTo(0.9055, 3);
    expect(wilson(0, 0)).toBeNull();
  });
});

describe("spike", () => {
  it("flags the latest period above mean + 2 sd of the ones before it", () => {
    // Before the last: [1, 0, 1, 0], mean 0.5, sd 0.5 → 4 > 1.5.
    expect(findSpike([1, 0, 1, 0, 4])).toEqual({ index: 4, count: 4, expected: 0.5 });
    // Both 5 (i=3) and 9 (i=5) qualify; the latest wins: before it [0,0,0,5,0], mean 1, sd 2 → 9 > 5.
    expect(findSpike([0, 0, 0, 5, 0, 9])).toEqual({ index: 5, count: 9, expected: 1 });
    // A flat history: any count ≥ 3 above it is a spike, equal is not.
    expect(findSpike([2, 2, 2, 3])).toEqual({ index: 3, count: 3, expected: 2 });
    expect(findSpike([3, 3, 3, 3])).toBeNull();
    // Fewer than 3 periods before it, or fewer than 3 decisions: no spike.
    expect(findSpike([0, 0, 9])).toBeNull();
    expect(findSpike([0, 0, 0, 2])).toBeNull();
    // Mean 1/3 → expected rounded to one decimal.
    expect(findSpike([1, 0, 0, 3])?.expected).toBe(0.3);
  });
});

describe("CSV", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
    expect(
      toCsv([
        ["a", "b"],
        [1, "x,y"],
      ]),
    ).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe("calibration inversions", () => {
  const band = (key: string, converted: number, decided: number) => ({
    key,
    label: key,
    minScore: null,
    maxScore: null,
    handoffs: decided,
    decided,
    converted,
    rate: decided ? converted / decided : null,
    interval: wilson(converted, decided),
  });

  it("calls an inversion only when the intervals are apart, and a dip otherwise", () => {
    // 2 of 2 then 1 of 3: a dip a coin could make.
    expect(inversionsOf([band("warm", 2, 2), band("hot", 1, 3)])).toEqual({
      inversions: [],
      dips: [{ lower: "warm", higher: "hot" }],
    });
    // 300 of 500 then 100 of 500: 60 % [55.6, 64.2] against 20 % [16.7, 23.7] — real.
    expect(inversionsOf([band("warm", 300, 500), band("hot", 100, 500)])).toEqual({
      inversions: [{ lower: "warm", higher: "hot" }],
      dips: [],
    });
    // Empty bands are skipped: cold is compared with hot across an undecided warm.
    expect(inversionsOf([band("cold", 10, 100), band("warm", 0, 0), band("hot", 60, 100)])).toEqual(
      { inversions: [], dips: [] },
    );
  });
});
