import { describe, expect, it } from "vitest";
import { can, homeFor, navFor } from "./permissions";

describe("role-aware navigation", () => {
  it("shows each role only its own sections", () => {
    const keys = (role: Parameters<typeof navFor>[0]) => navFor(role).map((i) => i.key);
    expect(keys("admin")).toEqual([
      "rules",
      "thresholds",
      "inbox",
      "leads",
      "reports",
      "import",
      "settings",
    ]);
    expect(keys("marketer")).toEqual(["rules", "thresholds", "leads", "reports", "import"]);
    expect(keys("manager")).toEqual([
      "rules",
      "thresholds",
      "inbox",
      "leads",
      "reports",
      "import",
      "settings",
    ]);
    expect(keys("rep")).toEqual(["inbox", "leads"]);
  });

  it("keeps reps and managers out of rule editing and reps out of everyone's leads", () => {
    expect(can("rep", "rules:read")).toBe(false);
    expect(can("manager", "rules:write")).toBe(false);
    expect(can("marketer", "rules:write")).toBe(true);
    expect(can("rep", "leads:read-all")).toBe(false);
    expect(can("marketer", "leads:decide")).toBe(false);
  });

  it("lands every role on a page it may open", () => {
    for (const role of ["admin", "marketer", "manager", "rep"] as const) {
      expect(navFor(role).map((i) => i.href)).toContain(homeFor(role));
    }
  });
});
