import Link from "next/link";
import { getFormatter, getLocale, getNow, getTranslations } from "next-intl/server";
import { countryName, fullName } from "@/lib/i18n/format";
import type { LeadListRow } from "@/lib/domain/leads/list-leads";
import { StageBadge } from "./stage-badge";

/** A table on wide screens, stacked cards on phones. */
export async function LeadsTable({ rows }: { rows: LeadListRow[] }) {
  const t = await getTranslations("leads.columns");
  const format = await getFormatter();
  const locale = await getLocale();
  const now = await getNow();
  const th = "px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase";
  return (
    <>
      <div className="hidden overflow-x-auto md:block">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="leads-table">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={th}>
                {t("name")}
              </th>
              <th scope="col" className={th}>
                {t("company")}
              </th>
              <th scope="col" className={`${th} hidden xl:table-cell`}>
                {t("country")}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t("score")}
              </th>
              <th scope="col" className={th}>
                {t("stage")}
              </th>
              <th scope="col" className={th}>
                {t("owner")}
              </th>
              <th scope="col" className={th}>
                {t("activity")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {rows.map((lead) => (
              <tr key={lead.id} className="hover:bg-slate-50" data-testid="lead-row">
                <td className="px-4 py-3">
                  <Link
                    href={`/leads/${lead.id}`}
                    className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {fullName(lead)}
                  </Link>
                  <div className="text-xs text-slate-500">{lead.email}</div>
                </td>
                <td className="px-4 py-3">
                  <div className="text-slate-800">{lead.company ?? "—"}</div>
                  <div className="text-xs text-slate-500">{lead.jobTitle}</div>
                </td>
                <td className="hidden px-4 py-3 text-slate-700 xl:table-cell">
                  {countryName(lead.country, locale) ?? "—"}
                </td>
                <td
                  className="px-4 py-3 text-right whitespace-nowrap tabular-nums"
                  data-testid="lead-score"
                >
                  {lead.score === null ? (
                    <span className="text-slate-500">—</span>
                  ) : (
                    <>
                      <span className="font-semibold text-slate-900">
                        {format.number(lead.score, { maximumFractionDigits: 0 })}
                      </span>{" "}
                      <span className="text-xs text-slate-500">{`${lead.fitGrade}${lead.engagementGrade}`}</span>
                    </>
                  )}
                </td>
                <td className="px-4 py-3" data-testid="lead-stage">
                  <StageBadge stage={lead.stage} />
                </td>
                <td className="px-4 py-3 text-slate-700" data-testid="lead-owner">
                  {lead.ownerName ?? "—"}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                  <time
                    dateTime={lead.updatedAt.toISOString()}
                    title={format.dateTime(lead.updatedAt, {
                      dateStyle: "medium",
                      timeStyle: "short",
                    })}
                  >
                    {format.relativeTime(lead.updatedAt, now)}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="divide-y divide-slate-100 md:hidden" data-testid="leads-cards">
        {rows.map((lead) => (
          <li key={lead.id}>
            <Link href={`/leads/${lead.id}`} className="block px-4 py-3 hover:bg-slate-50">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="truncate font-medium text-slate-900">{fullName(lead)}</p>
                  <p className="truncate text-xs text-slate-500">
                    {[lead.jobTitle, lead.company].filter(Boolean).join(" · ")}
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-2">
                  {lead.score !== null && (
                    <span className="text-sm font-semibold text-slate-900 tabular-nums">
                      {format.number(lead.score, { maximumFractionDigits: 0 })}{" "}
                      <span className="text-xs font-normal text-slate-500">{`${lead.fitGrade}${lead.engagementGrade}`}</span>
                    </span>
                  )}
                  <StageBadge stage={lead.stage} />
                </div>
              </div>
              <p className="mt-1 text-xs text-slate-500">
                {[lead.ownerName, format.relativeTime(lead.updatedAt, now)]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
