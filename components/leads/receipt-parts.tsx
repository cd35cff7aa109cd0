import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { SumCap } from "@/lib/domain/scoring/receipt-sums";
import { formatSignedTenths, formatTenths } from "./score-format";

export function Amount({
  tenths,
  locale,
  signed = true,
  className,
  testId,
}: {
  tenths: number;
  locale: string;
  signed?: boolean;
  className?: string;
  testId?: string;
}) {
  return (
    <span
      className={cn(
        "shrink-0 text-right text-sm tabular-nums",
        tenths < 0 ? "text-rose-700" : "text-slate-900",
        className,
      )}
      data-testid={testId}
    >
      {signed ? formatSignedTenths(tenths, locale) : formatTenths(tenths, locale)}
    </span>
  );
}

export function ReceiptRow({
  label,
  children,
  className,
  testId,
}: {
  label: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      className={cn("flex items-baseline justify-between gap-3 px-4 py-2 sm:px-5", className)}
      data-testid={testId}
    >
      <span className="min-w-0 text-sm">{label}</span>
      {children}
    </div>
  );
}

/** What a cap took off (or nothing, without a cap). */
export function CapRow({
  cap,
  label,
  testId,
  locale,
}: {
  cap: SumCap | null;
  label: string;
  testId: string;
  locale: string;
}) {
  return (
    cap && (
      <ReceiptRow
        label={<span className="text-amber-800">{label}</span>}
        className="bg-amber-50/60"
        testId={testId}
      >
        <Amount
          tenths={cap.adjustment}
          locale={locale}
          className="font-semibold text-amber-800"
          testId="receipt-amount"
        />
      </ReceiptRow>
    )
  );
}
