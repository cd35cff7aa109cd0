import { describe, expect, it } from "vitest";
import { template } from "@/lib/domain/scoring/templates";
import { formErrors, formFromModel, modelFromForm } from "./threshold-form";

describe("the threshold designer's form", () => {
  const model = template("seed-003-telecom");

  it("round-trips a model unchanged", () => {
    expect(modelFromForm(model, formFromModel(model))).toEqual(model);
  });

  it("applies a new threshold, renamed band with its nurture track, exclusion and recycle settings", () => {
    const form = formFromModel(model);
    form.threshold = "120";
    form.bands[1] = { ...form.bands[1], name: "Evaluation", track: "Case studies" };
    form.exclude = [
      ...form.exclude,
      { field: "email", op: "contains", value: "@rival.example", values: [], min: "", max: "" },
    ];
    form.required = ["email"];
    form.cooldownDays = "45";
    const next = modelFromForm(model, form)!;
    expect(next.mqlThreshold).toBe(120);
    expect(next.bands[1].name).toBe("Evaluation");
    expect(next.nurtureTracks.Evaluation).toBe("Case studies");
    expect(next.fitGate.exclude.at(-1)).toEqual({
      field: "email",
      op: "contains",
      value: "@rival.example",
    });
    expect(next.requiredFields).toEqual(["email"]);
    expect(next.recycle.cooldownDays).toBe(45);
  });

  it("says what is wrong instead of saving a broken draft", () => {
    const form = formFromModel(model);
    form.threshold = "";
    form.bands[1].min = form.bands[0].min;
    form.bands[2].name = " ";
    form.exclude = [{ field: "jobTitle", op: "contains", value: "", values: [], min: "", max: "" }];
    form.cooldownDays = "2.5";
    expect(formErrors(form)).toEqual({
      threshold: "errors.number",
      "bands.1.min": "errors.bandOrder",
      "bands.2.name": "errors.bandName",
      "exclude.0": "editor:errors.value",
      cooldownDays: "errors.days",
    });
    expect(modelFromForm(model, form)).toBeNull();
  });
});
