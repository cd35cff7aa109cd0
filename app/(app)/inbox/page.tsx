import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MqlTable } from "@/components/inbox/mql-table";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { openMqlsOf, repLoads, unassignedMqls } from "@/lib/routing/queues";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("inbox") };
}

/** The MQL queues: a rep's own open MQLs; for managers, the unassigned queue and each rep's load. */
export default async function InboxPage() {
  const actor = await requirePagePermission("inbox:read");
  const t = await getTranslations("queues");
  const db = await getDb();
  const managing = can(actor.role, "leads:read-all");
  if (!managing) {
    const mine = await openMqlsOf(db, actor.id);
    return (
      <>
        <PageHeader title={t("title")} subtitle={t("subtitleRep", { count: mine.length })} />
        <Card>{mine.length ? <MqlTable rows={mine} testId="my-mqls" /> : <EmptyState title={t("emptyRepTitle")} body={t("emptyRepBody")} />}</Card>
      </>
    );
  }
  const [unassigned, loads] = await Promise.all([unassignedMqls(db), repLoads(db, actor.role === "manager" ? actor.teamId : null)]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitleManager")} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)]">
        <Card aria-labelledby="unassigned-heading" className="self-start">
          <CardHeader id="unassigned-heading" title={t("unassigned", { count: unassigned.length })} />
          {unassigned.length ? <MqlTable rows={unassigned} showReason testId="unassigned-mqls" /> : <EmptyState title={t("noneUnassigned")} body={t("noneUnassignedBody")} />}
        </Card>
        <Card aria-labelledby="load-heading" className="self-start">
          <CardHeader id="load-heading" title={t("load")} />
          <ul className="divide-y divide-slate-100" data-testid="rep-loads">
            {loads.map((r) => (
              <li key={r.id} className="px-4 py-2.5 sm:px-5">
                <div className="flex items-baseline justify-between gap-2 text-sm">
                  <span className="font-medium text-slate-900">
                    {r.name} {r.away && <span className="ml-1 rounded bg-amber-50 px-1.5 text-xs text-amber-800 ring-1 ring-amber-200">{t("away")}</span>}
                  </span>
                  <span className="text-slate-600 tabular-nums">{t("openOf", { open: r.open, capacity: r.capacity })}</span>
                </div>
                <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden>
                  <div className={`h-full rounded-full ${r.open >= r.capacity ? "bg-rose-500" : "bg-brand-500"}`} style={{ width: `${Math.min(100, (r.open / Math.max(1, r.capacity)) * 100)}%` }} />
                </div>
                <p className="mt-0.5 text-xs text-slate-500">{r.team}</p>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
