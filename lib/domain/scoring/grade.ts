import type { ScoringModel } from "./model";

export type FitGrade = "A" | "B" | "C" | "D";
export type EngagementGrade = 1 | 2 | 3 | 4;

export function fitGrade(model: Pick<ScoringModel, "grades">, fit: number): FitGrade {
  const g = model.grades.fit;
  return fit >= g.A ? "A" : fit >= g.B ? "B" : fit >= g.C ? "C" : "D";
}

export function engagementGrade(
  model: Pick<ScoringModel, "grades">,
  engagement: number,
): EngagementGrade {
  const g = model.grades.engagement;
  return engagement >= g["1"] ? 1 : engagement >= g["2"] ? 2 : engagement >= g["3"] ? 3 : 4;
}

/** The highest band whose minimum the total reaches; totals below every band get the first. */
export function bandOf(model: Pick<ScoringModel, "bands">, total: number): string {
  let band = model.bands[0].name;
  for (const b of model.bands) if (total >= b.min) band = b.name;
  return band;
}

/** Applies an optional upper cap. */
export function capped(value: number, cap: number | null): number {
  return cap === null ? value : Math.min(value, cap);
}
