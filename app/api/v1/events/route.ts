import { getDb } from "@/db/client";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { eventBatchSchema, MAX_BATCH } from "@/lib/domain/ingest/schemas";

/**
 * Stores and scores a batch of events in one transaction. Answers how many were accepted, how
 * many were duplicates (same id seen before), and each rejected event by index.
 */
export const POST = withApi(
  { scope: "events:write", body: eventBatchSchema, maxBodyBytes: 8_000_000 },
  async ({ body }) => {
    if (body.events.length > MAX_BATCH) {
      throw new AppError(
        "payload_too_large",
        `At most ${MAX_BATCH} events per call; this one has ${body.events.length}.`,
      );
    }
    const result = await ingestEvents(await getDb(), body.events, { source: "api" });
    return Response.json({
      accepted: result.accepted,
      duplicates: result.duplicates,
      errors: result.errors,
    });
  },
);
