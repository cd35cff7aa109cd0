import type { StageCounts } from "@/lib/client/queries/reports";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";

export const STAGE_KEYS = ["mqls", "accepted", "qualified", "opportunity", "won"] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

export const TARGET_KEY: Record<OutcomeTarget, keyof StageCounts> = {
  accepted: "accepted",
  qualified: "qualified",
  opportunity: "opportunity",
  won: "won",
};

/** The share of MQLs that reached `key`; null with no MQLs. */
export const rate = (c: StageCounts, key: keyof StageCounts) => (c.mqls ? c[key] / c.mqls : null);
