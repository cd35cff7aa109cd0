import { getDb } from "@/db/client";
import { viewerOf } from "@/lib/auth/principal";
import { exportLeadsCsv } from "@/lib/domain/exports/export-leads";
import * as contracts from "@/lib/http/contracts/exports";
import { csvAttachment } from "@/lib/http/csv-stream";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

/** The leads list with its filters as CSV, streamed; only the leads in the caller's scope. */
export const GET = withApi(contracts.exportLeads, async ({ principal, query }) => {
  const chunks = await exportLeadsCsv({
    db: await getDb(),
    actor: viewerOf(principal),
    filter: query,
  });
  return csvAttachment(`accord-leads-${appNow().toISOString().slice(0, 10)}.csv`, chunks);
});
