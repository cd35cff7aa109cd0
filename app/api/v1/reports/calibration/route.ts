import { targetReportRoute } from "@/lib/http/report-response";
import { calibrationReport } from "@/lib/domain/reports/calibration";
import { calibrationCsv } from "@/lib/domain/reports/csv";

/** Conversion per score band and decile for a target (the settings' stage by default). */
export const GET = targetReportRoute("calibration", calibrationReport, calibrationCsv);
