import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ruleFilterHref } from "./score-receipt";

/** Says that the activity shows only the events behind one receipt line, with the way back. */
export async function RuleFilterBanner({
  leadId,
  label,
  shown,
  counted,
}: {
  leadId: string;
  label: string;
  shown: number;
  counted: number;
}) {
  const t = await getTranslations("receipt.filter");
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-brand-100 bg-brand-50 px-4 py-2.5 text-sm text-brand-900 sm:px-5"
      data-testid="rule-filter"
    >
      <p className="min-w-0">
        {shown < counted
          ? t("someOf", { shown, count: counted, rule: label })
          : t("all", { count: shown, rule: label })}
      </p>
      <Link
        href={ruleFilterHref(leadId, null)}
        className="shrink-0 font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {t("showAll")}
      </Link>
    </div>
  );
}
