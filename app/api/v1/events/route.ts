import { getDb } from "@/db/client";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { MAX_BATCH } from "@/lib/domain/ingest/schemas";
import { ingestEvents as contract } from "@/lib/http/contracts/ingest";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

/**
 * Stores and scores a batch of events in one transaction. Answers how many were accepted, how
 * many were duplicates (same id seen before), and each refused event by index.
 */
export const POST = withApi(contract, async ({ body, reply }) => {
  if (body.events.length > MAX_BATCH) {
    throw new AppError(
      "payload_too_large",
      `At most ${MAX_BATCH} events per call; this one has ${body.events.length}.`,
    );
  }
  const result = await ingestEvents(await getDb(), body.events, { source: "api" });
  return reply(200, {
    accepted: result.accepted,
    duplicates: result.duplicates,
    suppressed: result.suppressed,
    errors: result.errors,
  });
});
