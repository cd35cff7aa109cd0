import type { KeyboardEvent } from "react";

/** A field's label: shown on small screens, left to the header row on wide ones. */
export const fieldLabel = "mb-1 block text-xs font-medium text-slate-600 xl:sr-only";

export function ReadOnly({ label, value }: { label: string; value: string }) {
  return (
    <>
      <span className={fieldLabel}>{label}</span>
      <p className="text-sm text-slate-800 xl:py-2">{value}</p>
    </>
  );
}

export const onEnter = (commit: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
  if (e.key === "Enter") {
    e.preventDefault();
    commit();
  }
};
