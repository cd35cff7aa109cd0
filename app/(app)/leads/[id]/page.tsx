import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LeadProfile } from "@/components/leads/lead-profile";
import { LifecycleCard } from "@/components/leads/lifecycle-card";
import { SalesNotesCard } from "@/components/leads/sales-notes-card";
import { leadActivity } from "@/lib/domain/decisions/lead-activity";
import { PredictionCard } from "@/components/leads/prediction-card";
import { PrivacyActions } from "@/components/leads/privacy-actions";
import { getLeadPrediction } from "@/lib/domain/predict/score";
import { getPredictiveSummary } from "@/lib/domain/predict/train";
import { getLeadLifecycle } from "@/lib/domain/lifecycle/lead-lifecycle";
import { RuleFilterBanner } from "@/components/leads/rule-filter-banner";
import { ScoreCard } from "@/components/leads/score-card";
import { eventLabel } from "@/components/rules/describe-rule";
import { ScoreReceipt } from "@/components/leads/score-receipt";
import { StageBadge } from "@/components/leads/stage-badge";
import { Timeline } from "@/components/leads/timeline";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { icons } from "@/components/ui/icons";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getActor, requirePagePermission } from "@/lib/auth/session";
import { fullName } from "@/lib/i18n/format";
import { getLead } from "@/lib/domain/leads/get-lead";
import { isLeadId } from "@/lib/domain/leads/id";
import { leadEventCounts, leadTimeline } from "@/lib/domain/leads/lead-timeline";
import { getLeadScore } from "@/lib/domain/scoring/lead-score";
import { receiptSums } from "@/lib/domain/scoring/receipt-sums";
import { scoreSeries } from "@/lib/domain/scoring/score-series";
import { getActiveModel, getModelVersion } from "@/lib/domain/scoring/versions";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ event?: string; rule?: string }>;
};

const TREND_DAYS = 90;

async function load(id: string) {
  const actor = await getActor();
  if (!actor || !isLeadId(id)) return null;
  return getLead({ db: await getDb(), actor, id });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lead = await load((await params).id);
  return { title: lead ? fullName(lead) : (await getTranslations("errors"))("notFoundTitle") };
}

export default async function LeadPage({ params, searchParams }: Props) {
  const actor = await requirePagePermission("leads:read");
  const { id } = await params;
  const { event, rule } = await searchParams;
  const db = await getDb();
  // Another rep's lead answers exactly like a missing one.
  const lead = isLeadId(id) ? await getLead({ db, actor, id }) : null;
  if (!lead) notFound();
  const t = await getTranslations();
  const describe = await getTranslations("rules.describe");
  const [counts, score, series, prediction, predictive, activity] = await Promise.all([
    leadEventCounts(db, lead.id),
    getLeadScore(db, lead.id, { receipt: true }),
    scoreSeries(db, lead.id, { days: TREND_DAYS, now: new Date() }),
    getLeadPrediction(db, lead.id),
    getPredictiveSummary(db),
    leadActivity(db, lead.id),
  ]);
  const [model, hasModel] = score
    ? [await getModelVersion(db, score.modelVersion), true]
    : [null, Boolean(await getActiveModel(db))];
  const [lifecycle, active] = await Promise.all([
    getLeadLifecycle(db, lead, score),
    getActiveModel(db),
  ]);
  const sums = score?.receipt ? receiptSums(score.receipt) : null;
  // A rule filter shows the events the receipt line counted (attribute rules have none).
  const ruleLine = rule
    ? score?.receipt?.lines.find((l) => l.ruleId === rule && l.kind === "event")
    : undefined;
  const name = !ruleLine && event && counts.some((c) => c.name === event) ? event : undefined;
  const page = await leadTimeline(
    db,
    lead.id,
    ruleLine ? { limit: 100, ids: ruleLine.eventIds } : { limit: 50, name },
  );
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const chip = (active: boolean) =>
    cn(
      "inline-flex min-h-8 items-center gap-1 rounded-full px-3 text-xs font-medium ring-1 ring-inset",
      active
        ? "bg-brand-600 text-white ring-brand-600"
        : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
    );
  return (
    <>
      <Link
        href="/leads"
        className="mb-4 inline-flex items-center gap-1 rounded text-sm text-slate-600 hover:text-slate-900"
      >
        <icons.arrowLeft width={16} height={16} /> {t("lead.back")}
      </Link>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1
            className="text-2xl font-semibold tracking-tight text-slate-900"
            data-testid="lead-name"
          >
            {fullName(lead)}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {[lead.jobTitle, lead.company].filter(Boolean).join(" · ")}
          </p>
        </div>
        <StageBadge stage={lead.stage} />
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <ScoreCard
          score={score}
          sums={sums}
          model={model}
          series={series}
          days={TREND_DAYS}
          hasModel={hasModel}
          canPublish={can(actor.role, "rules:write")}
        />
        <div className="min-w-0 space-y-6 self-start">
          <SalesNotesCard decisions={activity.decisions} touches={activity.touches} />
          {score && sums && (
            <ScoreReceipt
              leadId={lead.id}
              sums={sums}
              model={model}
              modelVersion={score.modelVersion}
              activeRuleId={ruleLine?.ruleId ?? null}
            />
          )}
          <PredictionCard
            prediction={prediction}
            model={predictive}
            canReadReports={can(actor.role, "reports:read")}
          />
          <LifecycleCard
            lifecycle={lifecycle}
            stage={lead.stage}
            ownerName={lead.ownerName}
            threshold={active?.model.mqlThreshold ?? null}
            total={score?.total ?? null}
          />
          <Card aria-labelledby="profile-heading">
            <CardHeader id="profile-heading" title={t("lead.profile")} />
            <LeadProfile lead={lead} />
          </Card>
          {can(actor.role, "privacy:manage") && (
            <PrivacyActions leadId={lead.id} name={fullName(lead)} />
          )}
        </div>
        <Card id="activity" aria-labelledby="timeline-heading" className="scroll-mt-20 self-start">
          <CardHeader
            id="timeline-heading"
            title={t("lead.timeline")}
            action={
              <span className="text-xs text-slate-500">
                {t("lead.timelineCount", { count: total })}
              </span>
            }
          />
          {counts.length > 1 && (
            <nav
              aria-label={t("lead.timeline")}
              className="flex flex-wrap gap-2 border-b border-slate-100 px-4 py-3 sm:px-5"
            >
              <Link
                href={`/leads/${lead.id}`}
                className={chip(!name && !ruleLine)}
                aria-current={!name && !ruleLine ? "true" : undefined}
              >
                {t("lead.allEvents")} <span className="font-normal tabular-nums">{total}</span>
              </Link>
              {counts.map((c) => (
                <Link
                  key={c.name}
                  href={`/leads/${lead.id}?event=${encodeURIComponent(c.name)}`}
                  className={chip(name === c.name)}
                  aria-current={name === c.name ? "true" : undefined}
                >
                  {eventLabel(describe, c.name)}{" "}
                  <span className="font-normal tabular-nums">{c.count}</span>
                </Link>
              ))}
            </nav>
          )}
          {ruleLine && (
            <RuleFilterBanner
              leadId={lead.id}
              label={ruleLine.label}
              shown={ruleLine.eventIds.length}
              counted={ruleLine.count}
            />
          )}
          <Timeline
            key={ruleLine ? `rule:${ruleLine.ruleId}` : (name ?? "all")}
            leadId={lead.id}
            name={name}
            ids={ruleLine?.eventIds}
            initial={{
              data: page.events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
              next: page.next,
            }}
          />
        </Card>
      </div>
    </>
  );
}
