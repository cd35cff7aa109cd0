import { useLocale, useTranslations } from "next-intl";
import type { Rule } from "@/lib/domain/scoring/model";
import { toTenths, type SumGroup } from "@/lib/domain/scoring/receipt-sums";
import { ReceiptLineItem } from "./receipt-line-item";
import { Amount, CapRow, ReceiptRow } from "./receipt-parts";
import { formatTenths } from "./score-format";

/** The fit or engagement part of the receipt: its lines, its cap, and its subtotal. */
export function ReceiptSection({
  kind: key,
  group,
  rules,
  leadId,
  activeRuleId,
}: {
  kind: "fit" | "engagement";
  group: SumGroup;
  rules: Map<string, Rule>;
  leadId: string;
  activeRuleId: string | null;
}) {
  const t = useTranslations("receipt.receipt");
  const locale = useLocale();
  return (
    <section aria-labelledby={`receipt-${key}`} data-testid={`receipt-${key}`}>
      <h3
        id={`receipt-${key}`}
        className="flex items-baseline gap-2 bg-slate-50 px-4 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase sm:px-5"
      >
        {t(key)}{" "}
        <span className="font-normal tracking-normal text-slate-600 normal-case">
          {t(`${key}Hint`)}
        </span>
      </h3>
      {group.lines.length ? (
        <ul className="divide-y divide-slate-100">
          {group.lines.map((l) => (
            <ReceiptLineItem
              key={l.ruleId}
              line={l}
              rule={rules.get(l.ruleId)}
              leadId={leadId}
              active={l.ruleId === activeRuleId}
            />
          ))}
        </ul>
      ) : (
        <p className="px-4 py-3 text-sm text-slate-500 sm:px-5">{t(`${key}None`)}</p>
      )}
      <CapRow
        cap={group.cap}
        label={t(`${key}Capped`, { cap: formatTenths(toTenths(group.cap?.cap ?? 0), locale) })}
        testId={`receipt-${key}-cap`}
        locale={locale}
      />
      <ReceiptRow
        label={<span className="font-medium text-slate-700">{t(`${key}Subtotal`)}</span>}
        className="border-t border-slate-200"
        testId={`receipt-${key}-subtotal`}
      >
        <Amount tenths={group.subtotal} locale={locale} signed={false} className="font-semibold" />
      </ReceiptRow>
    </section>
  );
}
