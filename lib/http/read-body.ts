/**
 * Reads a request body as text, gunzipping `Content-Encoding: gzip`, and refuses (413) more
 * than `maxBytes` — counted after decompression, so a small gzip bomb cannot exhaust memory.
 */
import { gunzipSync } from "node:zlib";
import { AppError } from "@/lib/shared/errors";

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes.`);

async function readCapped(request: Request, maxBytes: number): Promise<Buffer> {
  if (Number(request.headers.get("content-length")) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  // A reader rather than `for await`: the DOM typings give ReadableStream no async iterator.
  const reader = request.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(Buffer.from(value));
  }
}

export async function readBody(request: Request, maxBytes: number): Promise<string> {
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip") {
    throw new AppError(
      "validation_failed",
      `Content-Encoding "${encoding}" is not supported; send identity or gzip.`,
    );
  }
  const raw = await readCapped(request, maxBytes);
  if (encoding === "identity") return raw.toString("utf8");
  try {
    return gunzipSync(raw, { maxOutputLength: maxBytes }).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(maxBytes);
    throw new AppError("validation_failed", "The gzip body could not be decompressed.");
  }
}
