import { getDb } from "@/db/client";
import { viewerOf } from "@/lib/auth/principal";
import { exportHistoryCsv } from "@/lib/domain/exports/export-history";
import * as contracts from "@/lib/http/contracts/exports";
import { csvAttachment } from "@/lib/http/csv-stream";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

/** The events of a period as CSV, streamed; only those of leads in the caller's scope. */
export const GET = withApi(contracts.exportEvents, async ({ principal, query }) => {
  const chunks = exportHistoryCsv({
    db: await getDb(),
    actor: viewerOf(principal),
    kind: "events",
    period: query,
  });
  return csvAttachment(`accord-events-${appNow().toISOString().slice(0, 10)}.csv`, chunks);
});
