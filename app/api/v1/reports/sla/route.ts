import { slaCsv } from "@/lib/domain/reports/csv";
import { toReportQuery } from "@/lib/domain/reports/query-schema";
import { slaReport } from "@/lib/domain/reports/sla";
import * as contracts from "@/lib/http/contracts/reports";
import { reportRoute } from "@/lib/http/report-response";

/** SLA compliance and time to first touch per rep, per team and overall (clocks started in the period). */
export const GET = reportRoute(
  contracts.getSlaReport,
  (db, query, now) => slaReport(db, toReportQuery(query), now),
  slaCsv,
);
