import { describe, expect, it } from "vitest";
import { computeDeadlines, scheduleOf } from "./deadlines";
import { choosePolicy, type PolicyTerms } from "./policy";

const hot: PolicyTerms = {
  id: 1,
  name: "Hot",
  minFitGrade: "A",
  minScore: 100,
  firstTouchMinutes: 60,
  minTouches: 3,
  touchWindowDays: 5,
  reassignOnBreach: false,
};
const standard: PolicyTerms = {
  id: 2,
  name: "Standard",
  minFitGrade: null,
  minScore: null,
  firstTouchMinutes: 240,
  minTouches: 3,
  touchWindowDays: 5,
  reassignOnBreach: false,
};
const tiers = [hot, standard];

const fr = scheduleOf({
  timeZone: "Europe/Paris",
  workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" },
  holidays: [],
});
const us = scheduleOf({
  timeZone: "America/New_York",
  workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
  holidays: [],
});

describe("choosing the SLA tier", () => {
  it.each([
    ["grade A, low score → Hot", { fitGrade: "A", total: 40 }, "Hot"],
    ["grade C, score 100 → Hot", { fitGrade: "C", total: 100 }, "Hot"],
    ["grade B, score 99 → Standard", { fitGrade: "B", total: 99 }, "Standard"],
    ["no score yet → Standard", { fitGrade: null, total: null }, "Standard"],
  ])("%s", (_label, score, expected) => {
    expect(choosePolicy(tiers, score)?.name).toBe(expected);
  });

  it("takes 'grade B' as B or better, and falls back to the last tier when none matches", () => {
    const gradeB = { ...hot, name: "B+", minFitGrade: "B" as const, minScore: null };
    const strict = [gradeB, { ...hot, name: "Rich", minFitGrade: null, minScore: 500 }];
    expect(choosePolicy(strict, { fitGrade: "A", total: 0 })?.name).toBe("B+");
    expect(choosePolicy(strict, { fitGrade: "C", total: 10 })?.name).toBe("Rich");
    expect(choosePolicy([], { fitGrade: "A", total: 10 })).toBeNull();
  });
});

describe("deadlines of an assignment", () => {
  // Friday 20 November 2026, 17:30 in Paris = 11:30 in New York.
  const fridayEvening = new Date("2026-11-20T16:30:00Z");

  it.each([
    ["FR rep, Hot (1 h): Monday 09:30 Paris", fr, hot, "2026-11-23T08:30:00.000Z"],
    ["FR rep, Standard (4 h): Monday 12:30 Paris", fr, standard, "2026-11-23T11:30:00.000Z"],
    ["US rep, Hot (1 h): the same Friday 12:30 New York", us, hot, "2026-11-20T17:30:00.000Z"],
    [
      "US rep, Standard (4 h): the same Friday 15:30 New York",
      us,
      standard,
      "2026-11-20T20:30:00.000Z",
    ],
  ])("Friday-evening handoff — %s", (_label, schedule, policy, expected) => {
    expect(computeDeadlines(policy, fridayEvening, schedule).firstTouchDue.toISOString()).toBe(
      expected,
    );
  });

  it("gives D business days of the rep's working day for the minimum touches (FR: 5 × 9 h → next Friday 17:30)", () => {
    expect(computeDeadlines(standard, fridayEvening, fr).touchesDueBy.toISOString()).toBe(
      "2026-11-27T16:30:00.000Z",
    );
    // US: 5 × 8.5 h from Friday 11:30 → the next Friday 11:30.
    expect(computeDeadlines(standard, fridayEvening, us).touchesDueBy.toISOString()).toBe(
      "2026-11-27T16:30:00.000Z",
    );
  });

  it("skips the team's holidays", () => {
    const withHoliday = scheduleOf({
      timeZone: "Europe/Paris",
      workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" },
      holidays: ["2026-11-23"],
    });
    expect(computeDeadlines(hot, fridayEvening, withHoliday).firstTouchDue.toISOString()).toBe(
      "2026-11-24T08:30:00.000Z",
    );
  });

  it("across the autumn DST weekend, a FR rep's Friday 17:30 handoff is due Monday 09:30 CET", () => {
    expect(
      computeDeadlines(hot, new Date("2026-10-23T15:30:00Z"), fr).firstTouchDue.toISOString(),
    ).toBe("2026-10-26T08:30:00.000Z");
  });

  it("falls back to office hours when a rep's hours leave no working time", () => {
    const broken = scheduleOf({
      timeZone: "Europe/Paris",
      workingHours: { days: [], start: "09:00", end: "09:00" },
      holidays: [],
    });
    expect(computeDeadlines(hot, fridayEvening, broken).firstTouchDue.toISOString()).toBe(
      "2026-11-23T08:30:00.000Z",
    );
  });
});
