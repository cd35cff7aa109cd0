/**
 * Reads a multipart/form-data request as a stream (busboy): text fields are collected, the one
 * file part is handed to `onFile` as it arrives — a 1 GB upload never sits in memory.
 */
import { PassThrough, Readable } from "node:stream";
import busboy from "busboy";
import { AppError } from "@/lib/shared/errors";

export async function readMultipart<T>(
  request: Request,
  onFile: (file: AsyncIterable<Buffer>, fileName: string) => Promise<T>,
): Promise<{ fields: Record<string, string>; file: T | null }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data") || !request.body)
    throw new AppError("validation_failed", "Send the file as multipart/form-data.", {
      file: ["Send the file as multipart/form-data."],
    });
  const fields: Record<string, string> = {};
  let pending: Promise<T> | null = null;
  await new Promise<void>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: { "content-type": type },
        limits: { files: 1, fieldSize: 1_000_000 },
      });
    } catch {
      reject(
        new AppError("validation_failed", "The multipart body is malformed.", {
          file: ["The multipart body is malformed."],
        }),
      );
      return;
    }
    bb.on("field", (name, value) => (fields[name] = value));
    bb.on("file", (_name, stream, info) => {
      const pass = new PassThrough();
      stream.pipe(pass);
      pending = onFile(pass, info.filename ?? "upload.csv");
      pending.catch(() => stream.resume());
    });
    bb.on("error", () =>
      reject(
        new AppError("validation_failed", "The multipart body is malformed.", {
          file: ["The multipart body is malformed."],
        }),
      ),
    );
    bb.on("close", () => resolve());
    Readable.fromWeb(request.body as never).pipe(bb);
  });
  return { fields, file: pending ? await pending : null };
}
