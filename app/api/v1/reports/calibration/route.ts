import { targetReportRoute } from "@/lib/api/report-response";
import { calibrationReport } from "@/lib/reports/calibration";
import { calibrationCsv } from "@/lib/reports/csv";

/** Conversion per score band and decile for a target (the settings' stage by default). */
export const GET = targetReportRoute("calibration", calibrationReport, calibrationCsv);
