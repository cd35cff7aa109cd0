import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { TeamsPanel } from "@/components/teams/teams-panel";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { countryNames } from "@/lib/teams/countries";
import { getTeamsOverview } from "@/lib/teams/get-teams-overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

/** Admins configure teams, routing and API keys; managers read the teams and routing section. */
export default async function SettingsPage() {
  const actor = await requirePagePermission("settings:read");
  const t = await getTranslations("settings");
  const db = await getDb();
  const now = new Date();
  const [overview, keys] = await Promise.all([
    getTeamsOverview({ db, actor, now }),
    can(actor.role, "api-keys:manage") ? listApiKeys(db) : null,
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
      </div>
    </>
  );
}
