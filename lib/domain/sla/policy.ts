/**
 * Which SLA tier applies to a lead: the first, in order, whose condition it meets. A tier's
 * condition is "fit grade at least X or total at least Y" (either part may be absent); a tier with
 * no condition matches every lead. When no tier matches, the last one applies, so a lead always
 * has a clock.
 */
import { FIT_GRADES, type FitGradeLetter } from "@/lib/shared/vocabulary";

export type PolicyTerms = {
  id: number | null;
  name: string;
  minFitGrade: FitGradeLetter | null;
  minScore: number | null;
  firstTouchMinutes: number;
  minTouches: number;
  touchWindowDays: number;
  reassignOnBreach: boolean;
};

export type ScoreForPolicy = { fitGrade: string | null; total: number | null };

const rank = (grade: string | null) => (grade ? FIT_GRADES.indexOf(grade as FitGradeLetter) : -1);

export function matchesPolicy(
  policy: Pick<PolicyTerms, "minFitGrade" | "minScore">,
  score: ScoreForPolicy,
): boolean {
  if (policy.minFitGrade === null && policy.minScore === null) return true;
  const gradeOk =
    policy.minFitGrade !== null &&
    rank(score.fitGrade) >= 0 &&
    rank(score.fitGrade) <= rank(policy.minFitGrade);
  const scoreOk =
    policy.minScore !== null && score.total !== null && score.total >= policy.minScore;
  return gradeOk || scoreOk;
}

/** `policies` in order (position). Null only when there are none. */
export function choosePolicy<P extends Pick<PolicyTerms, "minFitGrade" | "minScore">>(
  policies: readonly P[],
  score: ScoreForPolicy,
): P | null {
  return policies.find((p) => matchesPolicy(p, score)) ?? policies.at(-1) ?? null;
}

/** Used when the policy table is empty (an admin removed every tier). */
export const FALLBACK_POLICY: PolicyTerms = {
  id: null,
  name: "Standard",
  minFitGrade: null,
  minScore: null,
  firstTouchMinutes: 240,
  minTouches: 3,
  touchWindowDays: 5,
  reassignOnBreach: false,
};
