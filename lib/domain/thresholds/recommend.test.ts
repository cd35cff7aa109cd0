import { describe, expect, it } from "vitest";
import { recommendThreshold, type HandoffScoreBucket } from "./recommend";

// 26 weeks of handoffs; rates rise with the score: 10 %, 20 %, 40 %, 60 % per bucket.
const buckets: HandoffScoreBucket[] = [
  { score: 40, mqls: 52, decided: 40, converted: 4, accepted: 10 },
  { score: 50, mqls: 52, decided: 40, converted: 8, accepted: 14 },
  { score: 60, mqls: 26, decided: 20, converted: 8 },
  { score: 70, mqls: 26, decided: 20, converted: 12 },
];
const base = { buckets, weeks: 26, targetRate: 0.3, capacityPerWeek: 5, currentThreshold: 45 };

describe("threshold recommendation", () => {
  it("backtests every candidate: volume per week, rate at or above, conversions missed below", () => {
    const r = recommendThreshold(base);
    expect(
      r.curve.map((p) => [p.threshold, p.mqlsPerWeek, p.decided, p.converted, p.convertedLost]),
    ).toEqual([
      [40, 6, 120, 32, 0],
      [50, 4, 80, 28, 4],
      [60, 2, 40, 20, 12],
      [70, 1, 20, 12, 20],
    ]);
    expect(r.curve[1].rate).toBeCloseTo(0.35, 12);
    // Accepted leads lost: those accepted below the line (10 at 40; 10 + 14 at 50 and above).
    expect(r.curve.map((p) => p.acceptedLost)).toEqual([0, 10, 24, 24]);
    expect(r.current).toMatchObject({ threshold: 45, mqlsPerWeek: 4, decided: 80 });
    expect(r.decided).toBe(120);
  });

  it("picks the lowest threshold meeting the rate within capacity", () => {
    expect(recommendThreshold(base)).toMatchObject({
      reason: "meets_rate_and_capacity",
      recommended: { threshold: 50 },
    });
  });

  it("raises the threshold until the reps can take the volume", () => {
    expect(recommendThreshold({ ...base, capacityPerWeek: 3 })).toMatchObject({
      reason: "capacity_bound",
      recommended: { threshold: 60, mqlsPerWeek: 2 },
    });
  });

  it("offers the best rate backed by 30 decided handoffs when the target is out of reach", () => {
    // 70 converts at 60 % but on 20 decided only: not trusted.
    expect(recommendThreshold({ ...base, targetRate: 0.55 })).toMatchObject({
      reason: "rate_unreachable",
      recommended: { threshold: 60, rate: 0.5 },
    });
  });

  it("does not give up volume for a rate that is only noise-higher when the target is out of reach", () => {
    // Every bucket converts at about 22 %: 23 % above 60 is not worth half the volume.
    const flat = [
      { score: 50, mqls: 52, decided: 40, converted: 9 },
      { score: 60, mqls: 52, decided: 40, converted: 9 },
      { score: 70, mqls: 26, decided: 40, converted: 9 },
    ];
    expect(recommendThreshold({ ...base, buckets: flat, currentThreshold: 50 })).toMatchObject({
      reason: "rate_unreachable",
      recommended: { threshold: 50 },
    });
  });

  it("ignores volume when no capacity is known (0), and says so rather than 'a capacity of 0'", () => {
    expect(recommendThreshold({ ...base, capacityPerWeek: 0 })).toMatchObject({
      reason: "meets_rate",
      recommended: { threshold: 50 },
    });
  });

  it("recommends nothing below 30 decided handoffs", () => {
    const few = buckets.map((b) => ({ ...b, decided: 5, converted: 2 }));
    expect(recommendThreshold({ ...base, buckets: few })).toMatchObject({
      reason: "not_enough_data",
      recommended: null,
      decided: 20,
    });
  });
});
