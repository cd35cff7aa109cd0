import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return (
    <section
      className={cn("rounded-xl bg-white shadow-sm ring-1 ring-slate-200", className)}
      {...props}
    />
  );
}

export function CardHeader({
  title,
  action,
  id,
}: {
  title: ReactNode;
  action?: ReactNode;
  id?: string;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3 sm:px-5">
      <h2 id={id} className="text-sm font-semibold text-slate-900">
        {title}
      </h2>
      {action}
    </div>
  );
}
