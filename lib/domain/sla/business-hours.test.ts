import { describe, expect, it } from "vitest";
import {
  addBusinessTime,
  businessTimeBetween,
  businessTimeLeft,
  isWorking,
  nextWorkingInstant,
  type Schedule,
} from "./business-hours";
import { toInstant } from "@/lib/domain/time/zoned";

const HOUR = 3_600_000;
const paris: Schedule = {
  timeZone: "Europe/Paris",
  days: [1, 2, 3, 4, 5],
  start: "09:00",
  end: "18:00",
  holidays: ["2026-12-25", "2027-01-01"],
};
const newYork: Schedule = {
  timeZone: "America/New_York",
  days: [1, 2, 3, 4, 5],
  start: "09:00",
  end: "17:30",
};
const at = (iso: string) => new Date(iso);

describe("deadlines in business hours", () => {
  it.each([
    ["FR: within the day", paris, "2026-11-17T09:00:00Z", 1, "2026-11-17T10:00:00.000Z"], // Tue 10:00 Paris → 11:00
    [
      "FR: before opening, the clock starts at 09:00",
      paris,
      "2026-11-17T05:00:00Z",
      1,
      "2026-11-17T09:00:00.000Z",
    ], // 06:00 → 10:00 local
    [
      "FR: Friday 17:30 + 1 h → Monday 09:30",
      paris,
      "2026-11-20T16:30:00Z",
      1,
      "2026-11-23T08:30:00.000Z",
    ],
    [
      "FR: Saturday handoff waits for Monday",
      paris,
      "2026-11-21T10:00:00Z",
      4,
      "2026-11-23T12:00:00.000Z",
    ],
    [
      "FR: across the autumn DST weekend (Fri 17:00 CEST + 2 h → Mon 10:00 CET)",
      paris,
      "2026-10-23T15:00:00Z",
      2,
      "2026-10-26T09:00:00.000Z",
    ],
    [
      "FR: across the spring DST weekend (Fri 17:00 CET + 2 h → Mon 10:00 CEST)",
      paris,
      "2026-03-27T16:00:00Z",
      2,
      "2026-03-30T08:00:00.000Z",
    ],
    [
      "FR: Christmas is a holiday (Thu 17:00 + 2 h → Mon 10:00)",
      paris,
      "2026-12-24T16:00:00Z",
      2,
      "2026-12-28T09:00:00.000Z",
    ],
    [
      "US: Friday 17:00 + 4 h → Monday 12:30",
      newYork,
      "2026-11-20T22:00:00Z",
      4,
      "2026-11-23T17:30:00.000Z",
    ],
    [
      "US: across the end of DST (Fri 17:00 EDT + 1 h → Mon 09:30 EST)",
      newYork,
      "2026-10-30T21:00:00Z",
      1,
      "2026-11-02T14:30:00.000Z",
    ],
    [
      "US: across the start of DST (Fri 17:00 EST + 1 h → Mon 09:30 EDT)",
      newYork,
      "2026-03-06T22:00:00Z",
      1,
      "2026-03-09T13:30:00.000Z",
    ],
    [
      "US: a multi-day SLA (3 days of 8.5 h) ends at Wednesday's close",
      newYork,
      "2026-11-23T14:00:00Z",
      25.5,
      "2026-11-25T22:30:00.000Z",
    ],
  ])("%s", (_label, schedule, start, hours, expected) => {
    expect(addBusinessTime(at(start), hours * HOUR, schedule).toISOString()).toBe(expected);
  });

  it("the same handoff has different deadlines for a FR and a US rep", () => {
    const handoff = at("2026-11-20T16:30:00Z"); // Friday 17:30 Paris, 11:30 New York
    expect(addBusinessTime(handoff, HOUR, paris).toISOString()).toBe("2026-11-23T08:30:00.000Z");
    expect(addBusinessTime(handoff, HOUR, newYork).toISOString()).toBe("2026-11-20T17:30:00.000Z");
  });

  it("measures business time between two instants, weekends and nights excluded", () => {
    expect(businessTimeBetween(at("2026-11-20T16:00:00Z"), at("2026-11-23T09:00:00Z"), paris)).toBe(
      2 * HOUR,
    ); // Fri 17→18, Mon 9→10
    expect(businessTimeBetween(at("2026-10-23T15:00:00Z"), at("2026-10-26T09:00:00Z"), paris)).toBe(
      2 * HOUR,
    );
    expect(businessTimeBetween(at("2026-11-23T09:00:00Z"), at("2026-11-20T09:00:00Z"), paris)).toBe(
      0,
    );
  });

  it("adding then measuring gives the same duration back", () => {
    for (const start of ["2026-03-27T16:00:00Z", "2026-10-30T21:00:00Z", "2026-12-23T10:00:00Z"]) {
      for (const schedule of [paris, newYork]) {
        const end = addBusinessTime(at(start), 7 * HOUR, schedule);
        expect(businessTimeBetween(at(start), end, schedule)).toBe(7 * HOUR);
      }
    }
  });

  it("knows when the rep is at work", () => {
    expect(isWorking(at("2026-11-23T08:59:00Z"), paris)).toBe(true); // 09:59 Paris
    expect(isWorking(at("2026-11-23T17:00:00Z"), paris)).toBe(false); // 18:00 Paris, closed
    expect(isWorking(at("2026-11-22T10:00:00Z"), paris)).toBe(false); // Sunday
  });
});

describe("local wall time to instant", () => {
  it("moves a time skipped by the spring jump forward, and takes the first of a repeated autumn time", () => {
    expect(
      toInstant({ year: 2026, month: 3, day: 29 }, 2 * 60 + 30, "Europe/Paris").toISOString(),
    ).toBe("2026-03-29T01:30:00.000Z"); // 03:30 CEST
    expect(
      toInstant({ year: 2026, month: 10, day: 25 }, 2 * 60 + 30, "Europe/Paris").toISOString(),
    ).toBe("2026-10-25T00:30:00.000Z"); // first 02:30
    expect(
      toInstant({ year: 2026, month: 7, day: 1 }, 9 * 60, "America/Los_Angeles").toISOString(),
    ).toBe("2026-07-01T16:00:00.000Z");
  });
});

describe("a countdown in business time", () => {
  const due = at("2026-11-23T09:00:00Z"); // Monday 10:00 in Paris

  it("stands still over the weekend: Friday 17:00 and Saturday noon show the same time left", () => {
    expect(businessTimeLeft(at("2026-11-20T16:00:00Z"), due, paris)).toBe(2 * HOUR);
    expect(businessTimeLeft(at("2026-11-21T11:00:00Z"), due, paris)).toBe(1 * HOUR);
    expect(businessTimeLeft(at("2026-11-22T20:00:00Z"), due, paris)).toBe(1 * HOUR);
  });

  it("counts business time overdue after the deadline, negative", () => {
    expect(businessTimeLeft(at("2026-11-23T10:30:00Z"), due, paris)).toBe(-1.5 * HOUR);
    expect(businessTimeLeft(at("2026-11-23T20:00:00Z"), due, paris)).toBe(-8 * HOUR);
  });

  it("tells when a paused clock runs again", () => {
    expect(nextWorkingInstant(at("2026-11-21T11:00:00Z"), paris).toISOString()).toBe(
      "2026-11-23T08:00:00.000Z",
    );
    const working = at("2026-11-23T09:15:00Z");
    expect(nextWorkingInstant(working, paris)).toEqual(working);
  });
});
