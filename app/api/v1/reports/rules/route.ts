import { ruleLiftCsv } from "@/lib/domain/reports/csv";
import { ruleLiftReport } from "@/lib/domain/reports/rule-lift";
import * as contracts from "@/lib/http/contracts/reports";
import { targetReportRoute } from "@/lib/http/report-response";

/** Lift of each rule of the active model among decided handoffs, for a target (the settings' stage by default). */
export const GET = targetReportRoute(contracts.getRuleLiftReport, ruleLiftReport, ruleLiftCsv);
