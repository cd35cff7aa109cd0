"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

const small = "min-h-9 px-2.5 py-1.5";

/** Move a tier up or down the order (first match wins), or remove it; the last tier cannot go. */
export function TierRowActions({
  tierKey,
  label,
  index,
  count,
  onMove,
  onRemove,
}: {
  tierKey: string;
  /** The tier's name, or a stand-in when it has none. */
  label: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("salesSettings.sla");
  return (
    <div className="flex shrink-0 gap-1.5">
      <Button
        variant="secondary"
        className={small}
        aria-label={t("moveUp", { name: label })}
        disabled={index === 0}
        onClick={() => onMove(-1)}
        data-move={`up-${tierKey}`}
      >
        <span aria-hidden>↑</span>
        <span className="hidden sm:inline">{t("up")}</span>
      </Button>
      <Button
        variant="secondary"
        className={small}
        aria-label={t("moveDown", { name: label })}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
        data-move={`down-${tierKey}`}
      >
        <span aria-hidden>↓</span>
        <span className="hidden sm:inline">{t("down")}</span>
      </Button>
      <Button
        variant="secondary"
        className={cn(small, "text-rose-700")}
        aria-label={t("remove", { name: label })}
        disabled={count === 1}
        onClick={onRemove}
      >
        {t("removeShort")}
      </Button>
    </div>
  );
}
