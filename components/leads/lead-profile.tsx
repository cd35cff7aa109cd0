import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { valueLabel } from "@/components/labels/value-label";
import { countryName } from "@/lib/i18n/format";
import type { LeadDetail } from "@/lib/domain/leads/get-lead";

export async function LeadProfile({ lead }: { lead: LeadDetail }) {
  const t = await getTranslations();
  const values = await getTranslations("values");
  const format = await getFormatter();
  const locale = await getLocale();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const seniority =
    lead.seniority && t.has(`seniority.${lead.seniority}`)
      ? t(`seniority.${lead.seniority}`)
      : lead.seniority;
  const rows: [string, ReactNode][] = [
    [
      t("lead.email"),
      lead.email ? (
        <a className="text-brand-700 hover:underline" href={`mailto:${lead.email}`}>
          {lead.email}
        </a>
      ) : null,
    ],
    [
      t("lead.phone"),
      lead.phone ? (
        <a className="text-brand-700 hover:underline" href={`tel:${lead.phone.replace(/\s/g, "")}`}>
          {lead.phone}
        </a>
      ) : null,
    ],
    [t("lead.jobTitle"), lead.jobTitle],
    [t("lead.seniority"), seniority],
    [t("lead.company"), lead.company],
    [t("lead.industry"), lead.industry],
    [
      t("lead.companySize"),
      lead.companySize ? t("lead.employees", { count: lead.companySize }) : null,
    ],
    [t("lead.country"), countryName(lead.country, locale)],
    [t("lead.source"), lead.source ? valueLabel(values, "source", lead.source) : null],
    [
      t("lead.consent"),
      lead.consent && lead.consentAt
        ? lead.consentSource
          ? t("lead.consentGivenVia", {
              date: date(lead.consentAt),
              source: valueLabel(values, "source", lead.consentSource),
            })
          : t("lead.consentGiven", { date: date(lead.consentAt) })
        : t("lead.consentMissing"),
    ],
    [
      t("lead.owner"),
      lead.ownerName
        ? [lead.ownerName, lead.ownerTeam].filter(Boolean).join(" · ")
        : t("lead.ownerNone"),
    ],
    [t("lead.created"), date(lead.createdAt)],
    [
      t("lead.updated"),
      format.dateTime(lead.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
    ],
  ];
  if (lead.externalId) rows.push([t("lead.externalId"), <code key="x">{lead.externalId}</code>]);
  const traits = Object.entries(lead.traits ?? {});
  return (
    <dl className="divide-y divide-slate-100 text-sm" data-testid="lead-profile">
      {rows.map(([label, value]) => (
        <div
          key={label}
          className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-3 px-4 py-2.5 sm:px-5"
        >
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-words text-slate-900">
            {value ?? <span className="text-slate-500">—</span>}
          </dd>
        </div>
      ))}
      {traits.length > 0 && (
        <div className="px-4 py-2.5 sm:px-5">
          <dt className="text-slate-500">{t("lead.traits")}</dt>
          <dd className="mt-1 flex flex-wrap gap-1.5">
            {traits.map(([k, v]) => (
              <span key={k} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                {k}: {typeof v === "object" ? JSON.stringify(v) : String(v)}
              </span>
            ))}
          </dd>
        </div>
      )}
    </dl>
  );
}
