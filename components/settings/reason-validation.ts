/** Client-side checks mirroring `lib/domain/reasons/schemas.ts`, as keys of `salesSettings.reasons.errors`. */
export const CODE_PATTERN = /^[a-z][a-z0-9_]{1,47}$/;

export function labelError(label: string): "labelRequired" | "labelLong" | null {
  const l = label.trim();
  return !l ? "labelRequired" : l.length > 120 ? "labelLong" : null;
}

export const codeError = (code: string): "code" | null =>
  CODE_PATTERN.test(code.trim()) ? null : "code";

/** A code suggested from the English label: "No budget yet" → "no_budget_yet". */
export function suggestCode(label: string): string {
  const slug = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "")
    .slice(0, 48)
    .replace(/_+$/, "");
  return slug;
}
