import { funnelCsv } from "@/lib/domain/reports/csv";
import { funnelReport } from "@/lib/domain/reports/funnel";
import { toReportQuery } from "@/lib/domain/reports/query-schema";
import * as contracts from "@/lib/http/contracts/reports";
import { reportRoute } from "@/lib/http/report-response";

/** The MQL funnel by weekly or monthly cohort, optionally split by source, band, grade, rep or team. */
export const GET = reportRoute(
  contracts.getFunnelReport,
  (db, query, now) =>
    funnelReport(db, toReportQuery(query), { grain: query.grain, split: query.split }, now),
  funnelCsv,
);
