import { getDb } from "@/db/client";
import { reportSnapshot } from "@/lib/domain/reports/snapshot";
import { reportResponse } from "@/lib/http/report-response";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { funnelCsv } from "@/lib/domain/reports/csv";
import { funnelReport } from "@/lib/domain/reports/funnel";
import { funnelQuerySchema, toReportQuery } from "@/lib/domain/reports/query-schema";

/** The MQL funnel by weekly or monthly cohort, optionally split by source, band, grade, rep or team. */
export const GET = withApi(
  { permission: "reports:read", scope: "reports:read", query: funnelQuerySchema },
  async ({ query }) => {
    const started = performance.now();
    const report = await reportSnapshot(await getDb(), (db) =>
      funnelReport(db, toReportQuery(query), { grain: query.grain, split: query.split }, appNow()),
    );
    return reportResponse("funnel", started, report, query.format, funnelCsv);
  },
);
