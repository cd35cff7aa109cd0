import { errorFields, log } from "@/lib/infra/log";

/**
 * A streamed CSV attachment: the chunks are pulled as the client reads (a slow reader slows the
 * reading down, a reader that goes away stops it), never gathered in memory. An error after the
 * first bytes cannot change the status any more: the stream is aborted, so the download fails
 * rather than ending short and looking complete.
 */
export function csvAttachment(file: string, chunks: AsyncIterator<string | Uint8Array>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
        } catch (error) {
          log.error("export.stream_failed", { file, ...errorFields(error) });
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
