/**
 * The SLA tiers as the form edits them: strings for the number inputs (a half-typed value is not
 * a number yet), a stable client key per row, and the first-touch time in hours or minutes. The
 * last tier catches every lead ("everyone else"), so its condition is never sent.
 */
import { FIT_GRADES, type FitGradeLetter } from "@/lib/shared/vocabulary";
import type { PolicyInput, SlaPolicy } from "@/lib/client/queries/settings";

export type TouchUnit = "hours" | "minutes";

export type TierDraft = {
  key: string;
  id?: number;
  name: string;
  minFitGrade: FitGradeLetter | "";
  minScore: string;
  firstTouch: string;
  unit: TouchUnit;
  minTouches: string;
  touchWindowDays: string;
  reassignOnBreach: boolean;
};

/** Keys of `salesSettings.sla.errors`, per field. */
export type TierErrors = Partial<
  Record<
    "name" | "condition" | "minScore" | "firstTouch" | "minTouches" | "touchWindowDays",
    string
  >
>;

export const MAX_FIRST_TOUCH_MINUTES = 60 * 24 * 30;
let seq = 0;
const newKey = () => `tier-${++seq}`;

export function toDraft(p: SlaPolicy): TierDraft {
  const hours = p.firstTouchMinutes % 60 === 0;
  return {
    key: `policy-${p.id}`,
    id: p.id,
    name: p.name,
    minFitGrade: p.minFitGrade ?? "",
    minScore: p.minScore === null ? "" : String(p.minScore),
    firstTouch: String(hours ? p.firstTouchMinutes / 60 : p.firstTouchMinutes),
    unit: hours ? "hours" : "minutes",
    minTouches: String(p.minTouches),
    touchWindowDays: String(p.touchWindowDays),
    reassignOnBreach: p.reassignOnBreach,
  };
}

export function blankTier(): TierDraft {
  return {
    key: newKey(),
    name: "",
    minFitGrade: "B",
    minScore: "",
    firstTouch: "2",
    unit: "hours",
    minTouches: "3",
    touchWindowDays: "5",
    reassignOnBreach: false,
  };
}

const whole = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : null);
const decimal = (s: string) => (s.trim() !== "" && Number.isFinite(Number(s)) ? Number(s) : null);

export function firstTouchMinutes(t: TierDraft): number | null {
  const n = whole(t.firstTouch);
  return n === null ? null : t.unit === "hours" ? n * 60 : n;
}

/** Errors per tier (same order as `tiers`); empty objects when a tier is fine. */
export function validateTiers(tiers: TierDraft[]): TierErrors[] {
  const names = tiers.map((t) => t.name.trim().toLowerCase());
  return tiers.map((t, i) => {
    const errors: TierErrors = {};
    const last = i === tiers.length - 1;
    if (!t.name.trim()) errors.name = "nameRequired";
    else if (t.name.trim().length > 80) errors.name = "nameLong";
    else if (names.indexOf(names[i]) !== i) errors.name = "nameTaken";
    if (!last) {
      if (t.minScore.trim() !== "" && decimal(t.minScore) === null) errors.minScore = "score";
      else if (!t.minFitGrade && t.minScore.trim() === "") errors.condition = "conditionRequired";
    }
    const minutes = firstTouchMinutes(t);
    if (minutes === null || minutes < 1) errors.firstTouch = "firstTouch";
    else if (minutes > MAX_FIRST_TOUCH_MINUTES) errors.firstTouch = "firstTouchLong";
    const k = whole(t.minTouches);
    if (k === null || k > 50) errors.minTouches = "minTouches";
    const d = whole(t.touchWindowDays);
    if (d === null || d < 1 || d > 60) errors.touchWindowDays = "touchWindowDays";
    return errors;
  });
}

export const hasErrors = (errors: TierErrors[]) => errors.some((e) => Object.keys(e).length > 0);

/** What the API takes; call only when `validateTiers` found nothing. */
export function toInput(tiers: TierDraft[]): PolicyInput[] {
  return tiers.map((t, i) => {
    const last = i === tiers.length - 1;
    return {
      ...(t.id ? { id: t.id } : {}),
      name: t.name.trim(),
      minFitGrade: last || !t.minFitGrade ? null : t.minFitGrade,
      minScore: last || t.minScore.trim() === "" ? null : Number(t.minScore),
      firstTouchMinutes: firstTouchMinutes(t)!,
      minTouches: whole(t.minTouches)!,
      touchWindowDays: whole(t.touchWindowDays)!,
      reassignOnBreach: t.reassignOnBreach,
    };
  });
}

/** Moves the item at `from` by `by` places (bounded). */
export function move<T>(items: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

export const GRADES = FIT_GRADES;

/** A tier's terms as a plain sentence needs them (null condition = everyone else). */
export type TierTerms = {
  grade: FitGradeLetter | null;
  score: number | null;
  minutes: number;
  touches: number;
  days: number;
  reassign: boolean;
};

export function termsOf(t: TierDraft, last: boolean): TierTerms | null {
  const minutes = firstTouchMinutes(t);
  const touches = whole(t.minTouches);
  const days = whole(t.touchWindowDays);
  if (minutes === null || minutes < 1 || touches === null || days === null) return null;
  return {
    grade: last || !t.minFitGrade ? null : t.minFitGrade,
    score: last ? null : decimal(t.minScore),
    minutes,
    touches,
    days,
    reassign: t.reassignOnBreach,
  };
}
