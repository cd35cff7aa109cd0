import { getDb } from "@/db/client";
import { reportSnapshot } from "@/lib/reports/snapshot";
import { reportResponse } from "@/lib/api/report-response";
import { withApi } from "@/lib/auth/api";
import { appNow } from "@/lib/clock";
import { slaCsv } from "@/lib/reports/csv";
import { reportQuerySchema, toReportQuery } from "@/lib/reports/query-schema";
import { slaReport } from "@/lib/reports/sla";

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
