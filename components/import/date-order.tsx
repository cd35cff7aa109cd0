"use client";

import { useTranslations } from "next-intl";
import type { DateOrder } from "@/lib/shared/imports";

const ORDERS = ["dmy", "mdy"] as const;

/** Asked, never guessed, when every date in the file fits both dd/mm and mm/dd. */
export function DateOrderQuestion({
  samples,
  value,
  onChange,
}: {
  samples: string[];
  value: DateOrder | undefined;
  onChange: (order: DateOrder) => void;
}) {
  const t = useTranslations("import.dateOrder");
  return (
    <fieldset
      className="mt-5 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200"
      data-testid="date-order"
    >
      <legend className="sr-only">{t("question")}</legend>
      <p className="text-sm font-medium text-amber-900" aria-hidden>
        {t("question")}
      </p>
      {samples.length > 0 && (
        <p className="mt-1 text-xs text-amber-900">
          {t("samples", { samples: samples.slice(0, 3).join(", ") })}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-4">
        {ORDERS.map((o) => (
          <label key={o} className="flex min-h-10 items-center gap-2 text-sm text-slate-900">
            <input
              type="radio"
              name="date-order"
              value={o}
              checked={value === o}
              onChange={() => onChange(o)}
              data-testid={`date-order-${o}`}
            />
            {t(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
