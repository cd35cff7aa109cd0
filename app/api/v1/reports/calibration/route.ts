import { calibrationReport } from "@/lib/domain/reports/calibration";
import { calibrationCsv } from "@/lib/domain/reports/csv";
import * as contracts from "@/lib/http/contracts/reports";
import { targetReportRoute } from "@/lib/http/report-response";

/** Conversion per score band and decile for a target (the settings' stage by default). */
export const GET = targetReportRoute(
  contracts.getCalibrationReport,
  calibrationReport,
  calibrationCsv,
);
