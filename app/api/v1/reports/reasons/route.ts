import { reasonsCsv } from "@/lib/domain/reports/csv";
import { toReportQuery } from "@/lib/domain/reports/query-schema";
import { reasonsReport } from "@/lib/domain/reports/reasons";
import * as contracts from "@/lib/http/contracts/reports";
import { reportRoute } from "@/lib/http/report-response";

/** Reject and disqualify reasons per week or month, with spikes. */
export const GET = reportRoute(
  contracts.getReasonsReport,
  (db, query) =>
    reasonsReport(db, toReportQuery(query), { grain: query.grain, locale: query.locale }),
  reasonsCsv,
);
