import { describe, expect, it } from "vitest";
import { diffModels } from "./diff";
import { scoringModelSchema, type EventRule, type ScoringModel } from "./model";
import { template } from "./templates";

const telecom = () => template("seed-003-telecom");
const saas = () => template("seed-001-saas");
const rule = <T extends ScoringModel["rules"][number]>(model: ScoringModel, id: string) =>
  model.rules.find((r) => r.id === id) as T;

describe("diffModels", () => {
  it("finds nothing between a model and its copy", () => {
    const diff = diffModels(telecom(), telecom());
    expect(diff).toEqual({
      settings: [],
      rules: { added: [], removed: [], changed: [], unchanged: 6 },
      same: true,
    });
  });

  it("does not count reordered rules as changes", () => {
    const reordered = telecom();
    reordered.rules.reverse();
    const diff = diffModels(telecom(), reordered);
    expect(diff.same).toBe(true);
    expect(diff.rules.unchanged).toBe(6);
  });

  it("reports a rule's new points, before and after", () => {
    const after = telecom();
    rule(after, "guide").points = 40;
    const diff = diffModels(telecom(), after);
    expect(diff.same).toBe(false);
    expect(diff.settings).toEqual([]);
    expect(diff.rules.changed).toEqual([
      {
        id: "guide",
        before: rule(telecom(), "guide"),
        after: rule(after, "guide"),
        fields: [{ field: "points", before: 30, after: 40 }],
      },
    ]);
    expect(diff.rules.unchanged).toBe(5);
  });

  it("reports a rule that kept its id but now matches something else as changed, not removed and added", () => {
    const after = telecom();
    const guide = rule<EventRule>(after, "guide");
    guide.where = [{ property: "asset_type", op: "in", value: ["guide", "white_paper"] }];
    guide.withinDays = 90;
    const diff = diffModels(telecom(), after);
    expect(diff.rules.added).toEqual([]);
    expect(diff.rules.removed).toEqual([]);
    expect(diff.rules.changed).toHaveLength(1);
    expect(diff.rules.changed[0].fields).toEqual([
      {
        field: "where",
        before: [{ property: "asset_type", op: "eq", value: "guide" }],
        after: [{ property: "asset_type", op: "in", value: ["guide", "white_paper"] }],
      },
      { field: "withinDays", before: null, after: 90 },
    ]);
  });

  it("says which fields moved when a rule changes kind", () => {
    const after = telecom();
    after.rules[0] = {
      id: "open",
      label: "Opened a marketing or sales email",
      kind: "attribute",
      field: "email",
      op: "known",
      points: 10,
    };
    const [change] = diffModels(telecom(), after).rules.changed;
    expect(change.fields.map((f) => f.field)).toEqual(["kind", "field", "op", "event", "maxCount"]);
    expect(change.fields.find((f) => f.field === "maxCount")).toEqual({
      field: "maxCount",
      before: 1,
      after: undefined,
    });
  });

  it("lists added and removed rules", () => {
    const after = telecom();
    after.rules = after.rules.filter((r) => r.id !== "newsletter");
    after.rules.push({
      id: "webinar",
      label: "Attended a webinar",
      kind: "event",
      event: "Webinar Attended",
      points: 25,
    });
    const diff = diffModels(telecom(), after);
    expect(diff.rules.added.map((r) => r.id)).toEqual(["webinar"]);
    expect(diff.rules.removed.map((r) => [r.id, r.points])).toEqual([["newsletter", 20]]);
    expect(diff.rules.unchanged).toBe(5);
  });

  it("reports label, switch-off and the limits of an event rule", () => {
    const after = telecom();
    const open = rule<EventRule>(after, "open");
    open.label = "Opened an email";
    open.enabled = false;
    open.maxCount = 3;
    open.halfLifeDays = 30;
    expect(diffModels(telecom(), after).rules.changed[0].fields).toEqual([
      { field: "label", before: "Opened a marketing or sales email", after: "Opened an email" },
      { field: "maxCount", before: 1, after: 3 },
      { field: "halfLifeDays", before: null, after: 30 },
      { field: "enabled", before: true, after: false },
    ]);
  });

  it("treats missing values as their defaults and value lists as sets", () => {
    const before = saas();
    const after = saas();
    rule(after, "exec").enabled = true;
    const exec = rule(after, "exec") as { value: unknown };
    exec.value = ["vp", "c_level"];
    const webinar = rule<EventRule>(after, "webinar");
    webinar.maxCount = null;
    webinar.withinDays = null;
    webinar.where = [];
    expect(diffModels(before, after).same).toBe(true);
    // A real change among the defaults still shows.
    (rule(after, "size") as { value: unknown }).value = [50, 501];
    expect(
      diffModels(before, after).rules.changed.map((c) => [c.id, c.fields.map((f) => f.field)]),
    ).toEqual([["size", ["value"]]]);
  });

  it("reports the threshold, bands, caps and grades, before and after", () => {
    const after = scoringModelSchema.parse({
      ...telecom(),
      name: "Telecom, tightened",
      mqlThreshold: 90,
      bands: [
        { name: "cold", min: 0 },
        { name: "warm", min: 40 },
        { name: "hot", min: 90 },
      ],
      caps: { fit: null, engagement: 150, total: null },
      grades: { fit: { A: 40, B: 20, C: 10 }, engagement: { "1": 60, "2": 30, "3": 5 } },
    });
    expect(diffModels(telecom(), after)).toEqual({
      settings: [
        { setting: "name", before: "B2B telecom (seed 003)", after: "Telecom, tightened" },
        { setting: "mqlThreshold", before: 100, after: 90 },
        {
          setting: "bands",
          before: [
            { name: "cold", min: 0 },
            { name: "warm", min: 50 },
            { name: "hot", min: 100 },
          ],
          after: [
            { name: "cold", min: 0 },
            { name: "warm", min: 40 },
            { name: "hot", min: 90 },
          ],
        },
        { setting: "cap", scope: "engagement", before: null, after: 150 },
        { setting: "fitGrade", grade: "B", before: 25, after: 20 },
        { setting: "engagementGrade", grade: "3", before: 10, after: 5 },
      ],
      rules: { added: [], removed: [], changed: [], unchanged: 6 },
      same: false,
    });
  });

  it("reads a band renamed at the same minimum as a bands change", () => {
    const after = telecom();
    after.bands = after.bands.map((b) => (b.name === "hot" ? { ...b, name: "sales ready" } : b));
    expect(diffModels(telecom(), after).settings.map((s) => s.setting)).toEqual(["bands"]);
  });

  it("compares whole different models rule by rule", () => {
    const diff = diffModels(telecom(), saas());
    expect(diff.settings.map((s) => s.setting)).toEqual([
      "name",
      "description",
      "mqlThreshold",
      "bands",
      "nurtureTrack",
      "nurtureTrack",
      "nurtureTrack",
      "nurtureTrack",
    ]);
    expect(diff.rules.added).toHaveLength(13);
    expect(diff.rules.removed).toHaveLength(6);
    expect(diff.rules.unchanged).toBe(0);
  });

  it("reports the handoff settings: fit gate exclusions as sets, required fields, recycle and nurture tracks", () => {
    const before = telecom();
    const after = structuredClone(before);
    after.fitGate.exclude = [
      ...before.fitGate.exclude.slice(1),
      { field: "email", op: "contains", value: "@rival.example" },
    ];
    after.requiredFields = [...before.requiredFields].reverse();
    after.recycle = {
      cooldownDays: before.recycle.cooldownDays + 15,
      minNewEngagement: before.recycle.minNewEngagement,
    };
    after.nurtureTracks = { ...before.nurtureTracks, [before.bands[0].name]: "Welcome series" };
    const changes = diffModels(before, after).settings;
    expect(changes.map((c) => c.setting)).toEqual(["fitGate", "recycleCooldown", "nurtureTrack"]);
    expect(changes[0]).toEqual({
      setting: "fitGate",
      added: [{ field: "email", op: "contains", value: "@rival.example" }],
      removed: before.fitGate.exclude.slice(0, 1),
    });
    expect(changes[2]).toMatchObject({ band: before.bands[0].name, after: "Welcome series" });
    after.requiredFields = ["email"];
    expect(diffModels(before, after).settings.find((c) => c.setting === "requiredFields")).toEqual({
      setting: "requiredFields",
      before: before.requiredFields,
      after: ["email"],
    });
  });
});
