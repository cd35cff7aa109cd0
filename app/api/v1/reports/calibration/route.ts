import { calibrationReport } from "@/lib/domain/reports/calibration";
import { calibrationCsv } from "@/lib/domain/reports/csv";
import { toReportQuery } from "@/lib/domain/reports/query-schema";
import { getReportSettings } from "@/lib/domain/reports/settings";
import * as contracts from "@/lib/http/contracts/reports";
import { reportRoute } from "@/lib/http/report-response";

/**
 * Conversion per score band and decile for a target (the settings' stage by default), past
 * handoffs scored under the judged model (live by default, or the draft).
 */
export const GET = reportRoute(
  contracts.getCalibrationReport,
  async (db, query, now) => {
    const target = query.target ?? (await getReportSettings(db)).targetStage;
    return calibrationReport(db, toReportQuery(query), target, now, query.model);
  },
  calibrationCsv,
);
