/**
 * What the dashboards show before anyone touches a control, shared by the page (which reads the
 * first answer on the server, so the report is in the HTML) and the panels (which ask the API for
 * the next ones): both must name the same query, or the panel would load it a second time.
 */
import type { AssistantInput } from "@/lib/client/queries/reports";
import type { Split } from "@/lib/domain/reports/types";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import type { Filters } from "./filters";

export const TABS = ["funnel", "calibration", "rules", "sla", "reasons", "recalibration"] as const;
export type Tab = (typeof TABS)[number];

/** The funnel's split when the page opens. */
export const FUNNEL_SPLIT: Split = "source";

type Search = { get: (key: string) => string | null };

/** The tab and the filters the page's URL holds; an unknown tab is the funnel. */
export function readSearch(search: Search): { tab: Tab; filters: Filters } {
  const tab = search.get("tab") ?? "";
  return {
    tab: (TABS as readonly string[]).includes(tab) ? (tab as Tab) : "funnel",
    filters: {
      from: search.get("from") ?? "",
      to: search.get("to") ?? "",
      team: search.get("team") ?? "",
      rep: search.get("rep") ?? "",
      grain: search.get("grain") === "month" ? "month" : "week",
    },
  };
}

/** A target rate (a share) as the percentage the assistant's field shows, to one decimal. */
export const ratePercent = (rate: number) => Math.round(rate * 1000) / 10;

/** The threshold assistant's question for its fields, or null while they are not valid. */
export function assistantInput(fields: {
  target: OutcomeTarget;
  ratePct: number;
  capacity: string;
  model: "live" | "draft";
}): AssistantInput | null {
  const { target, ratePct, capacity, model } = fields;
  const valid = ratePct > 0 && ratePct <= 100 && (capacity === "" || Number(capacity) > 0);
  return valid
    ? { target, rate: ratePct / 100, capacity: capacity === "" ? null : Number(capacity), model }
    : null;
}
