import { targetReportRoute } from "@/lib/api/report-response";
import { ruleLiftCsv } from "@/lib/reports/csv";
import { ruleLiftReport } from "@/lib/reports/rule-lift";

/** Lift of each rule of the active model among decided handoffs, for a target (the settings' stage by default). */
export const GET = targetReportRoute("rules", ruleLiftReport, ruleLiftCsv);
