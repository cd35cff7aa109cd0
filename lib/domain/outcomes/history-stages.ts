/**
 * How each step of a lead's history (a CSV import row, an outcome sent to the API) is written:
 * the lifecycle stage it moves to and the transition's reason.
 */
import type { HistoryStage } from "@/lib/shared/imports";
import type { LifecycleStage } from "@/lib/shared/vocabulary";

export const HISTORY_LIFECYCLE: Record<HistoryStage, { stage: LifecycleStage; reason: string }> = {
  handed_over: { stage: "mql", reason: "imported_handoff" },
  accepted: { stage: "sal", reason: "accepted" },
  qualified: { stage: "sql", reason: "qualified" },
  rejected: { stage: "recycled", reason: "rejected" },
  disqualified: { stage: "disqualified", reason: "disqualified" },
  opportunity: { stage: "opportunity", reason: "crm_opportunity" },
  won: { stage: "customer", reason: "crm_won" },
  lost: { stage: "lost", reason: "crm_lost" },
};
