import { describe, expect, it } from "vitest";
import { applySaved, duplicateFields, targetFrom, targetValue, targetsOf } from "./mapping-target";

describe("the mapping table's choices", () => {
  it("reads back what a select option stands for, keeping a trait's key and label", () => {
    expect(targetFrom("field:email")).toEqual({ to: "field", field: "email" });
    expect(
      targetFrom("trait:number", { to: "trait", type: "text", key: "seats", label: "Sièges" }),
    ).toEqual({ to: "trait", type: "number", key: "seats", label: "Sièges" });
    expect(targetFrom("field:nonsense")).toEqual({ to: "ignore" });
    expect(targetValue({ to: "trait", type: "date" })).toBe("trait:date");
    expect(targetValue(undefined)).toBe("ignore");
  });

  it("applies a saved mapping by header when the columns moved, else by position", () => {
    const saved = {
      columns: [
        { index: 0, header: "Email", target: { to: "field", field: "email" } as const },
        { index: 1, header: "Gone", target: { to: "field", field: "company" } as const },
        { index: 2, target: { to: "trait", type: "number" } as const },
      ],
    };
    expect(applySaved(saved, ["Plan", "Seats", "Email"])).toEqual([
      { to: "ignore" },
      { to: "ignore" },
      { to: "field", field: "email" },
    ]);
    expect(applySaved({ columns: [saved.columns[2]] }, ["a", "b", "c"])[2]).toEqual({
      to: "trait",
      type: "number",
    });
  });

  it("fills unlisted columns with ignore and names fields mapped twice", () => {
    const targets = targetsOf(
      { columns: [{ index: 1, target: { to: "field", field: "email" } }] },
      3,
    );
    expect(targets.map(targetValue)).toEqual(["ignore", "field:email", "ignore"]);
    expect([...duplicateFields([...targets, { to: "field", field: "email" }])]).toEqual(["email"]);
  });
});
