import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JOBS } from "./registry";

const names = (locale: string) =>
  Object.keys(
    JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, "jobs.json"), "utf8"))
      .names,
  );

describe("the registered jobs", () => {
  it("have unique names, each shown to people by a label in English and French", () => {
    const registered = JOBS.map((j) => j.name);
    expect(new Set(registered).size).toBe(registered.length);
    for (const locale of ["en", "fr"])
      expect(names(locale)).toEqual(expect.arrayContaining(registered));
  });
});
