import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiSchemaSource } from "./generate-schema";

describe("the browser's API types", () => {
  it("are generated from the current contracts (run `npm run api:types` after changing one)", async () => {
    const committed = readFileSync(path.join(import.meta.dirname, "api-schema.d.ts"), "utf8");
    expect(committed === (await apiSchemaSource())).toBe(true);
  }, 60_000);
});
