import { describe, expect, it } from "vitest";
import { addDays, awayUntilInstant, dateInZone, lastAwayDay, startOfDayInZone } from "./zoned-date";

describe("dates in a person's time zone", () => {
  it("finds when a day begins where they work, across daylight-saving changes", () => {
    expect(startOfDayInZone("2026-01-15", "Europe/Paris").toISOString()).toBe(
      "2026-01-14T23:00:00.000Z",
    );
    expect(startOfDayInZone("2026-07-15", "Europe/Paris").toISOString()).toBe(
      "2026-07-14T22:00:00.000Z",
    );
    // Paris springs forward at 02:00 on 29 March 2026; the day still begins at local midnight.
    expect(startOfDayInZone("2026-03-29", "Europe/Paris").toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(startOfDayInZone("2026-03-30", "Europe/Paris").toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
    expect(startOfDayInZone("2026-11-02", "America/New_York").toISOString()).toBe(
      "2026-11-02T05:00:00.000Z",
    );
    expect(startOfDayInZone("2026-06-01", "Pacific/Auckland").toISOString()).toBe(
      "2026-05-31T12:00:00.000Z",
    );
    expect(startOfDayInZone("2026-06-01", "UTC").toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("reads the calendar date of an instant in a zone", () => {
    const instant = new Date("2026-06-01T03:30:00Z");
    expect(dateInZone(instant, "Europe/Paris")).toBe("2026-06-01");
    expect(dateInZone(instant, "America/Los_Angeles")).toBe("2026-05-31");
    expect(dateInZone(instant, "Asia/Tokyo")).toBe("2026-06-01");
  });

  it("stores 'away until' as the start of the next day and reads back the same last day", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    const stored = awayUntilInstant("2026-03-28", "Europe/Paris");
    expect(stored.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    for (const zone of [
      "Europe/Paris",
      "America/Chicago",
      "Asia/Kolkata",
      "Pacific/Auckland",
      "UTC",
    ]) {
      for (const day of [
        "2026-01-01",
        "2026-03-08",
        "2026-03-29",
        "2026-10-25",
        "2026-11-01",
        "2026-12-31",
      ]) {
        expect(lastAwayDay(awayUntilInstant(day, zone), zone), `${zone} ${day}`).toBe(day);
      }
    }
  });
});
