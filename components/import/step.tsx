import type { ReactNode } from "react";

/** One numbered step of the import page. */
export function Step({
  n,
  title,
  action,
  children,
}: {
  n: number;
  title: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`import-step-${n}`}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2
          id={`import-step-${n}`}
          className="flex min-w-0 items-center gap-2 text-base font-semibold text-slate-900"
        >
          <span
            aria-hidden
            className="grid size-6 shrink-0 place-items-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700"
          >
            {n}
          </span>
          <span className="min-w-0 truncate">{title}</span>
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}
