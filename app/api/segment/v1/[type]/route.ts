import { getDb } from "@/db/client";
import { MAX_BATCH } from "@/lib/domain/ingest/schemas";
import { ingestSegment } from "@/lib/domain/ingest/segment";
import { ingestSegment as contract } from "@/lib/http/contracts/ingest";
import { readJson } from "@/lib/http/read-json";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

/**
 * POST /api/segment/v1/{batch|identify|track|page}: the Segment HTTP tracking API. The write key
 * is an Accord API key with the events:write scope, sent as the HTTP Basic username. The body is
 * read here (not by the contract) because Segment clients send it gzip'd and in several shapes.
 */
export const POST = withApi(contract, async ({ request, params, reply }) => {
  const body = (await readJson(request, contract.maxBodyBytes)) as Record<string, unknown> | null;
  let messages: unknown[];
  if (params.type === "batch") {
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
    params.type === "batch" ? undefined : params.type,
  );
  return reply(200, { success: true, ...result });
});
