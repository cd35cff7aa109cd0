import type { ReactNode } from "react";

export const delClass = "rounded bg-rose-50 px-1 text-rose-800 decoration-rose-400";
export const insClass = "rounded bg-emerald-50 px-1 font-semibold text-emerald-900 no-underline";

/**
 * "old → new": the old value struck through on rose, the new one in bold on green — the strike,
 * the weight and the arrow carry the meaning without colour. Long values (sentences) go one
 * under the other so neither breaks mid-way around the arrow.
 */
export function BeforeAfter({
  before,
  after,
  stacked = false,
}: {
  before: ReactNode;
  after: ReactNode;
  stacked?: boolean;
}) {
  if (stacked)
    return (
      <span className="flex flex-col items-start gap-1" data-testid="before-after">
        <del className={delClass}>{before}</del>{" "}
        <span className="flex items-baseline gap-1.5">
          <span className="text-slate-500">→</span> <ins className={insClass}>{after}</ins>
        </span>
      </span>
    );
  return (
    <span
      className="inline-flex flex-wrap items-baseline gap-x-1.5 gap-y-1"
      data-testid="before-after"
    >
      <del className={delClass}>{before}</del> <span className="text-slate-500">→</span>{" "}
      <ins className={insClass}>{after}</ins>
    </span>
  );
}
