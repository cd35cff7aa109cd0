import type { ReportFilters } from "@/lib/client/queries/reports";
import type { Grain } from "@/lib/domain/reports/types";

/** The dashboards' filters as the page's URL holds them (shareable, back button works). */
export type Filters = { from: string; to: string; team: string; rep: string; grain: Grain };

/** The filters for the page's own URL; empty ones left out. */
export function filterParams(f: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({
    from: f.from,
    to: f.to,
    team: f.team,
    rep: f.rep,
    grain: f.grain,
  }))
    if (v) params.set(k, v);
  return params;
}

/** The filters for a report's query, in the URL's order; empty ones left out. */
export const filterQuery = ({ from, to, team, rep, grain }: Filters): ReportFilters => ({
  ...(from ? { from } : {}),
  ...(to ? { to } : {}),
  ...(team ? { team } : {}),
  ...(rep ? { rep } : {}),
  grain,
});
