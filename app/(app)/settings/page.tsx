import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

export default async function SettingsPage() {
  const actor = await requirePagePermission("settings:read");
  if (!can(actor.role, "api-keys:manage")) return <SectionPlaceholder section="settings" />;
  const t = await getTranslations("settings");
  const keys = await listApiKeys(await getDb());
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <ApiKeysPanel
        initial={keys.map((k) => ({
          ...k,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          revokedAt: k.revokedAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
