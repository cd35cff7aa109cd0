import { getDb } from "@/db/client";
import { reportSnapshot } from "@/lib/reports/snapshot";
import { reportResponse } from "@/lib/api/report-response";
import { withApi } from "@/lib/auth/api";
import { appNow } from "@/lib/clock";
import { calibrationReport } from "@/lib/reports/calibration";
import { calibrationCsv } from "@/lib/reports/csv";
import { targetQuerySchema, toReportQuery } from "@/lib/reports/query-schema";
import { getReportSettings } from "@/lib/reports/settings";

/** Conversion per score band and decile for a target (the settings' stage by default). */
export const GET = withApi(
  { permission: "reports:read", scope: "reports:read", query: targetQuerySchema },
  async ({ query }) => {
    const started = performance.now();
    const db = await getDb();
    const target = query.target ?? (await getReportSettings(db)).targetStage;
    const report = await reportSnapshot(db, (tx) =>
      calibrationReport(tx, toReportQuery(query), target, appNow()),
    );
    return reportResponse("calibration", started, report, query.format, calibrationCsv);
  },
);
