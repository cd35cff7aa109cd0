import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/lib/domain/api-keys/api-keys";
import { requireSection, sectionMetadata } from "../section";

export const generateMetadata = sectionMetadata("api-keys");

export default async function ApiKeysSettingsPage() {
  await requireSection("api-keys");
  const keys = await listApiKeys(await getDb());
  return (
    <ApiKeysPanel
      initial={keys.map((k) => ({
        ...k,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
        revokedAt: k.revokedAt?.toISOString() ?? null,
      }))}
    />
  );
}
