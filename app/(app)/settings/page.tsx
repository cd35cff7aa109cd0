import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { HolidaysPanel } from "@/components/settings/holidays-panel";
import { JobsPanel } from "@/components/settings/jobs-panel";
import { ReasonsPanel } from "@/components/settings/reasons-panel";
import { RetentionPanel } from "@/components/settings/retention-panel";
import { SlaPoliciesPanel } from "@/components/settings/sla-policies-panel";
import { WebhooksPanel } from "@/components/settings/webhooks/webhooks-panel";
import { TeamsPanel } from "@/components/teams/teams-panel";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/lib/domain/api-keys/api-keys";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listReasons } from "@/lib/domain/reasons/list-reasons";
import { listPolicies } from "@/lib/domain/sla/policies";
import { countryNames } from "@/lib/domain/teams/countries";
import { getTeamsOverview } from "@/lib/domain/teams/get-teams-overview";
import { listHolidayTeams } from "@/lib/domain/teams/list-holiday-teams";
import { listEndpoints } from "@/lib/domain/webhooks/list-endpoints";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

/**
 * Admins configure teams, routing, API keys and webhooks; managers read the teams and routing section.
 * Both edit the sales side of the agreement: SLA tiers, reason lists and their team's holidays.
 */
export default async function SettingsPage() {
  const actor = await requirePagePermission("settings:read");
  const t = await getTranslations("settings");
  const db = await getDb();
  const now = new Date();
  const sales = can(actor.role, "settings:sales");
  const [overview, keys, webhooks, policies, reasons, holidays] = await Promise.all([
    getTeamsOverview({ db, actor, now }),
    can(actor.role, "api-keys:manage") ? listApiKeys(db) : null,
    can(actor.role, "webhooks:manage") ? listEndpoints(db) : null,
    sales ? listPolicies(db) : null,
    sales ? listReasons(db, { includeArchived: true }) : null,
    sales ? listHolidayTeams(db, actor) : null,
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="space-y-6">
        <TeamsPanel
          initial={overview}
          editable={can(actor.role, "users:manage")}
          countries={countryNames(await getLocale())}
          now={now.toISOString()}
        />
        {policies && <SlaPoliciesPanel initial={policies} editable={sales} />}
        {reasons && <ReasonsPanel initial={reasons} editable={sales} />}
        {holidays && <HolidaysPanel teams={holidays} now={now.toISOString()} />}
        <JobsPanel />
        {keys && (
          <ApiKeysPanel
            initial={keys.map((k) => ({
              ...k,
              createdAt: k.createdAt.toISOString(),
              lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
              revokedAt: k.revokedAt?.toISOString() ?? null,
            }))}
          />
        )}
        {webhooks && <WebhooksPanel initial={webhooks} />}
        {can(actor.role, "privacy:manage") && <RetentionPanel />}
      </div>
    </>
  );
}
