import Link from "next/link";
import { getFormatter, getLocale, getNow, getTranslations } from "next-intl/server";
import { countryName } from "@/lib/i18n/format";
import type { QueuedMql } from "@/lib/routing/queues";

export async function MqlTable({ rows, showReason, testId }: { rows: QueuedMql[]; showReason?: boolean; testId: string }) {
  const t = await getTranslations("queues");
  const format = await getFormatter();
  const locale = await getLocale();
  const now = await getNow();
  const th = "px-4 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase";
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-100 text-sm" data-testid={testId}>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>{t("lead")}</th>
            <th scope="col" className={`${th} text-right`}>{t("score")}</th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>{t("country")}</th>
            <th scope="col" className={th}>{t("handedOver")}</th>
            {showReason && <th scope="col" className={`${th} hidden md:table-cell`}>{t("why")}</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-testid="queue-row">
              <td className="px-4 py-2">
                <Link href={`/leads/${r.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {r.name}
                </Link>
                {r.company && <div className="text-xs text-slate-500">{r.company}</div>}
              </td>
              <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                {r.total === null ? "—" : format.number(r.total, { maximumFractionDigits: 0 })} <span className="text-xs text-slate-500">{r.grade}</span>
              </td>
              <td className="hidden px-4 py-2 text-slate-700 sm:table-cell">{countryName(r.country, locale) ?? "—"}</td>
              <td className="px-4 py-2 whitespace-nowrap text-slate-600">{r.handedOverAt ? format.relativeTime(new Date(r.handedOverAt), now) : "—"}</td>
              {showReason && <td className="hidden px-4 py-2 text-slate-600 md:table-cell">{r.reason && t.has(`reasons.${r.reason}`) ? t(`reasons.${r.reason}`) : "—"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
