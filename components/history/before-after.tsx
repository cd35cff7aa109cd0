import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export const delClass = "rounded bg-rose-50 px-1 text-rose-800 decoration-rose-400";
export const insClass = "rounded bg-emerald-50 px-1 font-semibold text-emerald-900 no-underline";

/**
 * "old → new": the old value struck through on rose, the new one in bold on green — the strike,
 * the weight and the arrow carry the meaning without colour. `marked={false}` leaves the marking
 * to the values themselves (a list where only some items changed).
 */
export function BeforeAfter({ before, after, marked = true }: { before: ReactNode; after: ReactNode; marked?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5 gap-y-1" data-testid="before-after">
      {marked ? <del className={delClass}>{before}</del> : <span>{before}</span>}{" "}
      <span className="text-slate-400">→</span>{" "}
      {marked ? <ins className={insClass}>{after}</ins> : <span>{after}</span>}
    </span>
  );
}

export function Marked({ as, children, className }: { as: "del" | "ins" | null; children: ReactNode; className?: string }) {
  if (as === "del") return <del className={cn(delClass, className)}>{children}</del>;
  if (as === "ins") return <ins className={cn(insClass, className)}>{children}</ins>;
  return <span className={cn("px-1 text-slate-700", className)}>{children}</span>;
}
