import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LeadProfile } from "@/components/leads/lead-profile";
import { StageBadge } from "@/components/leads/stage-badge";
import { Timeline } from "@/components/leads/timeline";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { icons } from "@/components/ui/icons";
import { getDb } from "@/db/client";
import { getActor, requirePagePermission } from "@/lib/auth/session";
import { fullName } from "@/lib/i18n/format";
import { getLead } from "@/lib/leads/get-lead";
import { isLeadId } from "@/lib/leads/id";
import { leadEventCounts, leadTimeline } from "@/lib/leads/lead-timeline";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ event?: string }> };

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
  const { event } = await searchParams;
  const db = await getDb();
  // Another rep's lead answers exactly like a missing one.
  const lead = isLeadId(id) ? await getLead({ db, actor, id }) : null;
  if (!lead) notFound();
  const t = await getTranslations();
  const counts = await leadEventCounts(db, lead.id);
  const name = event && counts.some((c) => c.name === event) ? event : undefined;
  const page = await leadTimeline(db, lead.id, { limit: 50, name });
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const chip = (active: boolean) =>
    cn(
      "inline-flex min-h-8 items-center gap-1 rounded-full px-3 text-xs font-medium ring-1 ring-inset",
      active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
    );
  return (
    <>
      <Link href="/leads" className="mb-4 inline-flex items-center gap-1 rounded text-sm text-slate-600 hover:text-slate-900">
        <icons.arrowLeft width={16} height={16} /> {t("lead.back")}
      </Link>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900" data-testid="lead-name">
            {fullName(lead)}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{[lead.jobTitle, lead.company].filter(Boolean).join(" · ")}</p>
        </div>
        <StageBadge stage={lead.stage} />
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <Card aria-labelledby="profile-heading" className="self-start">
          <CardHeader id="profile-heading" title={t("lead.profile")} />
          <LeadProfile lead={lead} />
        </Card>
        <Card aria-labelledby="timeline-heading" className="self-start">
          <CardHeader id="timeline-heading" title={t("lead.timeline")} action={<span className="text-xs text-slate-500">{t("lead.timelineCount", { count: total })}</span>} />
          {counts.length > 1 && (
            <nav aria-label={t("lead.timeline")} className="flex flex-wrap gap-2 border-b border-slate-100 px-4 py-3 sm:px-5">
              <Link href={`/leads/${lead.id}`} className={chip(!name)} aria-current={!name ? "true" : undefined}>
                {t("lead.allEvents")} <span className="opacity-70">{total}</span>
              </Link>
              {counts.map((c) => (
                <Link key={c.name} href={`/leads/${lead.id}?event=${encodeURIComponent(c.name)}`} className={chip(name === c.name)} aria-current={name === c.name ? "true" : undefined}>
                  {c.name} <span className="opacity-70">{c.count}</span>
                </Link>
              ))}
            </nav>
          )}
          <Timeline
            key={name ?? "all"}
            leadId={lead.id}
            name={name}
            initial={{ data: page.events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })), next: page.next }}
          />
        </Card>
      </div>
    </>
  );
}
