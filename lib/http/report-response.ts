/** How every report route answers: `{ data }` as JSON, or CSV as an attachment; with Server-Timing. */
import { getDb, type Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { withLegacyApi as withApi } from "./legacy-api";
import { appNow } from "@/lib/infra/clock";
import { toCsv, type Cell } from "@/lib/domain/reports/csv";
import { targetQuerySchema, toReportQuery } from "@/lib/domain/reports/query-schema";
import { getReportSettings } from "@/lib/domain/reports/settings";
import { reportSnapshot } from "@/lib/domain/reports/snapshot";
import type { ReportQuery } from "@/lib/domain/reports/types";

export function reportResponse<R>(
  name: string,
  started: number,
  report: R,
  format: "json" | "csv",
  csv: (r: R) => Cell[][],
): Response {
  const timing = { "Server-Timing": `report;dur=${(performance.now() - started).toFixed(1)}` };
  if (format === "csv") {
    return new Response(toCsv(csv(report)), {
      headers: {
        ...timing,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="accord-${name}.csv"`,
      },
    });
  }
  return Response.json({ data: report }, { headers: timing });
}

/**
 * The route of a report for one outcome target (calibration, rule lift): the target in the query,
 * else the settings' stage; run in a report snapshot; JSON or CSV.
 */
export function targetReportRoute<R>(
  name: string,
  report: (db: Queryable, query: ReportQuery, target: OutcomeTarget, now: Date) => Promise<R>,
  csv: (r: R) => Cell[][],
) {
  return withApi(
    { permission: "reports:read", scope: "reports:read", query: targetQuerySchema },
    async ({ query }) => {
      const started = performance.now();
      const db = await getDb();
      const target = query.target ?? (await getReportSettings(db)).targetStage;
      const result = await reportSnapshot(db, (tx) =>
        report(tx, toReportQuery(query), target, appNow()),
      );
      return reportResponse(name, started, result, query.format, csv);
    },
  );
}
