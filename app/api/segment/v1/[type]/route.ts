import { getDb } from "@/db/client";
import { readJson, withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { MAX_BATCH } from "@/lib/domain/ingest/schemas";
import { ingestSegment, SEGMENT_TYPES, type SegmentType } from "@/lib/domain/ingest/segment";

/** Decompressed bodies larger than this are refused (gzip bombs included). */
const MAX_BODY = 8_000_000;

/**
 * POST /api/segment/v1/{batch|identify|track|page}: the Segment HTTP tracking API. The write key
 * is an Accord API key with the events:write scope, sent as the HTTP Basic username.
 */
export const POST = withApi({ scope: "events:write" }, async ({ request, params }) => {
  const type = params.type;
  if (type !== "batch" && !(SEGMENT_TYPES as readonly string[]).includes(type)) {
    throw new AppError(
      "not_found",
      `Unknown Segment call "${type}"; use batch, identify, track or page.`,
    );
  }
  const body = (await readJson(request, MAX_BODY)) as Record<string, unknown>;
  let messages: unknown[];
  if (type === "batch") {
    if (!Array.isArray(body?.batch))
      throw new AppError("validation_failed", 'A batch body is { "batch": [ … ] }.', {
        batch: ["Expected an array of messages."],
      });
    messages = body.batch;
  } else {
    messages = [body];
  }
  if (messages.length > MAX_BATCH)
    throw new AppError(
      "payload_too_large",
      `At most ${MAX_BATCH} messages per call; this one has ${messages.length}.`,
    );
  const result = await ingestSegment(
    await getDb(),
    messages,
    type === "batch" ? undefined : (type as SegmentType),
  );
  return Response.json({ success: true, ...result });
});
