/**
 * JSON bodies: nested too deeply for the code that walks them, refused with a 400 naming the
 * limit — not the stack overflow (a 500) they caused when the NUL check walked them.
 */
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/shared/errors";
import { MAX_JSON_DEPTH, nestsDeeperThan, parseJsonText, readJson } from "./read-json";

const post = (body: string) =>
  new Request("http://accord.test/x", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });

const refusal = async (pending: Promise<unknown>) => {
  const error = await pending.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe("reading JSON from a client", () => {
  it("accepts nesting up to the limit, arrays and objects alike", async () => {
    const deepest = "[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH);
    expect(await readJson(post(deepest), 1_000_000)).toBeTruthy();
    const objects = '{"a":'.repeat(MAX_JSON_DEPTH - 1) + "{}" + "}".repeat(MAX_JSON_DEPTH - 1);
    expect(nestsDeeperThan(JSON.parse(objects), MAX_JSON_DEPTH)).toBe(false);
  });

  it("refuses one level more, and 400,000 levels, with a 400 naming the limit", async () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 400_000]) {
      const error = await refusal(readJson(post("[".repeat(depth) + "]".repeat(depth)), 1_000_000));
      expect(error).toMatchObject({ code: "validation_failed", status: 400 });
      expect(error.message).toBe(
        `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`,
      );
    }
  });

  it("names the field a form sends JSON in", () => {
    expect(() => parseJsonText("{", "mapping")).toThrow("mapping is not valid JSON.");
    expect(() => parseJsonText('{"a":'.repeat(100) + "1" + "}".repeat(100), "mapping")).toThrow(
      `mapping nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`,
    );
  });
});
