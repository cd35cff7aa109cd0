import { describe, expect, it } from "vitest";
import type { Reason } from "@/lib/client/queries/settings";
import { blankTier, move, termsOf, toDraft, toInput, validateTiers } from "./sla-draft";
import { suggestCode } from "./reason-validation";
import { withPosition } from "./use-reasons";

const hot = {
  id: 1,
  position: 0,
  name: "Hot",
  minFitGrade: "A" as const,
  minScore: 100,
  firstTouchMinutes: 60,
  minTouches: 3,
  touchWindowDays: 5,
  reassignOnBreach: false,
};
const standard = {
  id: 2,
  position: 1,
  name: "Standard",
  minFitGrade: null,
  minScore: null,
  firstTouchMinutes: 90,
  minTouches: 3,
  touchWindowDays: 5,
  reassignOnBreach: true,
};

describe("SLA tier drafts", () => {
  it("round-trips saved tiers, showing whole hours in hours and the rest in minutes", () => {
    const drafts = [toDraft(hot), toDraft(standard)];
    expect(drafts.map((d) => [d.firstTouch, d.unit])).toEqual([
      ["1", "hours"],
      ["90", "minutes"],
    ]);
    expect(toInput(drafts)).toEqual([
      {
        id: 1,
        name: "Hot",
        minFitGrade: "A",
        minScore: 100,
        firstTouchMinutes: 60,
        minTouches: 3,
        touchWindowDays: 5,
        reassignOnBreach: false,
      },
      {
        id: 2,
        name: "Standard",
        minFitGrade: null,
        minScore: null,
        firstTouchMinutes: 90,
        minTouches: 3,
        touchWindowDays: 5,
        reassignOnBreach: true,
      },
    ]);
  });

  it("drops the condition of whichever tier ends up last: it catches everyone else", () => {
    const [a, b] = [toDraft(hot), toDraft(standard)];
    const swapped = move([a, b], 0, 1);
    expect(swapped.map((t) => t.name)).toEqual(["Standard", "Hot"]);
    expect(toInput(swapped)[1]).toMatchObject({ name: "Hot", minFitGrade: null, minScore: null });
    // …and Standard, now first with no condition, would catch every lead: that is an error.
    expect(validateTiers(swapped)[0]).toEqual({ condition: "conditionRequired" });
  });

  it("explains each field it refuses", () => {
    const bad = {
      ...blankTier(),
      name: " ",
      minScore: "abc",
      firstTouch: "0",
      minTouches: "51",
      touchWindowDays: "1.5",
    };
    expect(validateTiers([bad, toDraft(standard)])[0]).toEqual({
      name: "nameRequired",
      minScore: "score",
      firstTouch: "firstTouch",
      minTouches: "minTouches",
      touchWindowDays: "touchWindowDays",
    });
    expect(
      validateTiers([{ ...toDraft(hot), name: "standard" }, toDraft(standard)]).map((e) => e.name),
    ).toEqual([undefined, "nameTaken"]);
    expect(
      validateTiers([{ ...toDraft(hot), firstTouch: "721", unit: "hours" }, toDraft(standard)])[0],
    ).toEqual({ firstTouch: "firstTouchLong" });
    expect(validateTiers([toDraft(hot), toDraft(standard)])).toEqual([{}, {}]);
  });

  it("gives the sentence its terms, or none while a time is half typed", () => {
    expect(termsOf(toDraft(hot), false)).toEqual({
      grade: "A",
      score: 100,
      minutes: 60,
      touches: 3,
      days: 5,
      reassign: false,
    });
    expect(termsOf(toDraft(hot), true)).toMatchObject({ grade: null, score: null });
    expect(termsOf({ ...toDraft(hot), firstTouch: "" }, false)).toBeNull();
  });

  it("keeps moves inside the list", () => {
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(move([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
  });
});

describe("reason lists", () => {
  it("suggests a code from the English label", () => {
    expect(suggestCode("No budget yet!")).toBe("no_budget_yet");
    expect(suggestCode("  2nd Étude de marché ")).toBe("nd_etude_de_marche");
  });

  it("moves a reason as the server does, archived ones keeping their places", () => {
    const r = (id: number, position: number, archived = false): Reason => ({
      id,
      kind: "reject",
      code: `r${id}`,
      labels: { en: "", fr: "" },
      position,
      archived,
      archivedAt: null,
    });
    const list = [r(1, 0), r(2, 1, true), r(3, 2), r(4, 3)];
    // Moving 4 up swaps it with 3 (the active neighbour at position 2).
    const moved = withPosition(list, 4, 2);
    expect(moved.sort((a, b) => a.position - b.position).map((x) => x.id)).toEqual([1, 2, 4, 3]);
    // Moving 1 down to its active neighbour (3, at position 2) puts it after 3.
    expect(
      withPosition(list, 1, 2)
        .sort((a, b) => a.position - b.position)
        .map((x) => x.id),
    ).toEqual([2, 3, 1, 4]);
  });
});
