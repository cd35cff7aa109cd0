import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/shared/errors";
import { readBody } from "./read-body";

const request = (body: Buffer | string, headers: Record<string, string> = {}) =>
  new Request("http://x.test/", {
    method: "POST",
    body: typeof body === "string" ? body : new Uint8Array(body),
    headers,
  });

describe("reading request bodies", () => {
  it("reads plain and gzip bodies", async () => {
    expect(await readBody(request('{"a":1}'), 100)).toBe('{"a":1}');
    expect(await readBody(request(gzipSync('{"b":2}'), { "content-encoding": "gzip" }), 100)).toBe(
      '{"b":2}',
    );
  });

  it("refuses more than the limit, counted after decompression", async () => {
    const bomb = gzipSync(Buffer.alloc(1_000_000, 32));
    expect(bomb.length).toBeLessThan(10_000);
    await expect(
      readBody(request(bomb, { "content-encoding": "gzip" }), 100_000),
    ).rejects.toMatchObject({ code: "payload_too_large" });
    await expect(readBody(request("x".repeat(200)), 100)).rejects.toBeInstanceOf(AppError);
  });

  it("explains a broken gzip body and an unknown encoding", async () => {
    await expect(
      readBody(request("not gzip", { "content-encoding": "gzip" }), 100),
    ).rejects.toMatchObject({ message: "The gzip body could not be decompressed." });
    await expect(readBody(request("x", { "content-encoding": "br" }), 100)).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
