import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { describeCondition, fieldLabel } from "@/components/rules/describe-rule";
import { Card, CardHeader } from "@/components/ui/card";
import type { LeadLifecycle } from "@/lib/domain/lifecycle/lead-lifecycle";
import { StageBadge } from "./stage-badge";

const SALES_STAGES = ["mql", "sal", "sql", "opportunity", "customer"];

/** Where the lead stands with sales: nurture track, what keeps it from MQL, and its history. */
export async function LifecycleCard({
  lifecycle,
  stage,
  ownerName,
  threshold,
  total,
}: {
  lifecycle: LeadLifecycle;
  stage: string;
  ownerName: string | null;
  threshold: number | null;
  total: number | null;
}) {
  const t = await getTranslations("lifecycle");
  const describe = await getTranslations("rules.describe");
  const format = await getFormatter();
  const locale = await getLocale();
  const number = (n: number) => format.number(n, { maximumFractionDigits: 1 });
  const reason = (code: string) => (t.has(`reasons.${code}`) ? t(`reasons.${code}`) : code);
  const blockers: string[] = [];
  if (!SALES_STAGES.includes(stage) && stage !== "disqualified" && threshold !== null) {
    if (total === null || total < threshold)
      blockers.push(t("below", { total: number(total ?? 0), threshold: number(threshold) }));
    for (const c of lifecycle.fitGate?.excludedBy ?? [])
      blockers.push(
        t("excluded", {
          condition: `${fieldLabel(describe, c.field)} ${describeCondition(describe, c, locale)}`,
        }),
      );
    if (lifecycle.missingFields.length)
      blockers.push(
        t("missing", {
          fields: lifecycle.missingFields.map((f) => fieldLabel(describe, f)).join(", "),
        }),
      );
  }
  return (
    <Card aria-labelledby="lifecycle-heading" data-testid="lifecycle-card">
      <CardHeader
        id="lifecycle-heading"
        title={t("title")}
        action={
          lifecycle.nurtureTrack ? (
            <span className="text-xs text-slate-600">
              {t("track", { track: lifecycle.nurtureTrack })}
            </span>
          ) : undefined
        }
      />
      <div className="space-y-3 px-4 py-3 text-sm sm:px-5">
        {SALES_STAGES.includes(stage) ? (
          <p className="text-slate-700" data-testid="lifecycle-status">
            {ownerName ? t("withSales", { owner: ownerName }) : t("unassigned")}
          </p>
        ) : stage === "disqualified" ? (
          <p className="text-slate-700" data-testid="lifecycle-status">
            {t("disqualified")}
          </p>
        ) : blockers.length ? (
          <div data-testid="lifecycle-status">
            <p className="text-slate-700">{t("notYet")}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-600">
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-slate-700" data-testid="lifecycle-status">
            {threshold === null ? t("noModel") : t("ready")}
          </p>
        )}
        {lifecycle.transitions.length > 0 && (
          <ol className="space-y-2 border-t border-slate-100 pt-3" data-testid="transitions">
            {[...lifecycle.transitions].reverse().map((tr) => (
              <li key={`${tr.at}-${tr.to}`} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <time dateTime={tr.at} className="w-full text-xs text-slate-500 sm:w-auto">
                  {format.dateTime(new Date(tr.at), { dateStyle: "medium", timeStyle: "short" })}
                </time>
                {tr.from && <StageBadge stage={tr.from} />}
                <span aria-hidden className="text-slate-400">
                  →
                </span>
                <span className="sr-only">{t("to")}</span>
                <StageBadge stage={tr.to} />
                <span className="text-slate-600">
                  {reason(tr.reason)}
                  {tr.score && ` · ${t("atScore", { total: number(tr.score.total) })}`}
                  {tr.modelVersion !== null && ` · v${tr.modelVersion}`}
                </span>
                {tr.note && (
                  <span className="w-full text-xs text-slate-500 italic">“{tr.note}”</span>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </Card>
  );
}
