import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { toTenths, type ReceiptSums } from "@/lib/domain/scoring/receipt-sums";
import { CapRow } from "./receipt-parts";
import { ReceiptSection } from "./receipt-section";
import { formatTenths } from "./score-format";

export { ruleFilterHref } from "./rule-filter-href";

/**
 * Every rule that counted, fit then engagement, each in plain words with what it earned, then the
 * caps and sums — a receipt a rep can add up. Event lines link to the events behind them.
 */
export async function ScoreReceipt({
  leadId,
  sums,
  model,
  modelVersion,
  activeRuleId,
}: {
  leadId: string;
  sums: ReceiptSums;
  model: ScoringModel | null;
  modelVersion: number;
  activeRuleId: string | null;
}) {
  const t = await getTranslations("receipt.receipt");
  const locale = await getLocale();
  const rules = new Map((model?.rules ?? []).map((r) => [r.id, r]));
  const lineCount = sums.fit.lines.length + sums.engagement.lines.length;
  const anyDecayed = sums.engagement.lines.some((l) => l.decayed);
  const section = { rules, leadId, activeRuleId };

  return (
    <Card aria-labelledby="receipt-heading" data-testid="score-receipt" className="overflow-hidden">
      <CardHeader
        id="receipt-heading"
        title={t("title")}
        action={
          <span className="text-xs text-slate-500">
            {t("summary", { count: lineCount, version: modelVersion })}
          </span>
        }
      />
      <ReceiptSection kind="fit" group={sums.fit} {...section} />
      <ReceiptSection kind="engagement" group={sums.engagement} {...section} />
      <CapRow
        cap={sums.totalCap}
        label={t("totalCapped", { cap: formatTenths(toTenths(sums.totalCap?.cap ?? 0), locale) })}
        testId="receipt-total-cap"
        locale={locale}
      />
      <div className="flex items-baseline justify-between gap-3 border-t-2 border-slate-900 px-4 py-3 sm:px-5">
        <span className="text-sm font-semibold text-slate-900">{t("total")}</span>
        <span
          className="text-xl font-semibold text-slate-900 tabular-nums"
          data-testid="receipt-total"
        >
          {formatTenths(sums.total, locale)}
        </span>
      </div>
      {anyDecayed && (
        <p className="border-t border-slate-100 px-4 py-2.5 text-xs text-slate-500 sm:px-5">
          {t("decayNote")}
        </p>
      )}
    </Card>
  );
}
