import { getDb } from "@/db/client";
import { reportSnapshot } from "@/lib/domain/reports/snapshot";
import { reportResponse } from "@/lib/http/report-response";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { slaCsv } from "@/lib/domain/reports/csv";
import { reportQuerySchema, toReportQuery } from "@/lib/domain/reports/query-schema";
import { slaReport } from "@/lib/domain/reports/sla";

/** SLA compliance and time to first touch per rep, per team and overall (clocks started in the period). */
export const GET = withApi(
  { permission: "reports:read", scope: "reports:read", query: reportQuerySchema },
  async ({ query }) => {
    const started = performance.now();
    const report = await reportSnapshot(await getDb(), (db) =>
      slaReport(db, toReportQuery(query), appNow()),
    );
    return reportResponse("sla", started, report, query.format, slaCsv);
  },
);
