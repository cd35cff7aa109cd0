import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

/** Open MQLs against capacity: a small bar that turns amber near the limit and red at it. */
export function CapacityBar({ open, capacity }: { open: number; capacity: number }) {
  const t = useTranslations("teams.member");
  const ratio = capacity > 0 ? open / capacity : 1;
  const full = open >= capacity;
  return (
    <div className="min-w-0" data-testid="capacity">
      <p className="text-sm tabular-nums">
        <span aria-hidden className="flex items-baseline gap-1">
          <span className={cn("font-semibold", full ? "text-rose-700" : "text-slate-900")}>
            {open}
          </span>
          <span className="text-slate-500">/ {capacity}</span>
        </span>
        <span className="sr-only">{t("loadLabel", { open, capacity })}</span>
      </p>
      <div
        className="mt-1 h-1.5 w-full max-w-32 overflow-hidden rounded-full bg-slate-100"
        aria-hidden
      >
        <div
          className={cn(
            "h-full rounded-full",
            full ? "bg-rose-500" : ratio >= 0.8 ? "bg-amber-500" : "bg-brand-500",
          )}
          style={{ width: `${Math.min(100, ratio * 100)}%` }}
        />
      </div>
      {full && <p className="mt-1 text-xs text-rose-700">{t("atCapacity")}</p>}
    </div>
  );
}
