import { getDb } from "@/db/client";
import { reportSnapshot } from "@/lib/domain/reports/snapshot";
import { reportResponse } from "@/lib/http/report-response";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { reasonsCsv } from "@/lib/domain/reports/csv";
import { reasonsQuerySchema, toReportQuery } from "@/lib/domain/reports/query-schema";
import { reasonsReport } from "@/lib/domain/reports/reasons";

/** Reject and disqualify reasons per week or month, with spikes. */
export const GET = withApi(
  { permission: "reports:read", scope: "reports:read", query: reasonsQuerySchema },
  async ({ query }) => {
    const started = performance.now();
    const report = await reportSnapshot(await getDb(), (db) =>
      reasonsReport(db, toReportQuery(query), {
        grain: query.grain,
        locale: query.locale,
      }),
    );
    return reportResponse("reasons", started, report, query.format, reasonsCsv);
  },
);
