import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { parseSide, type Side } from "@/components/history/sides";
import { VersionHistory, type DraftDoc } from "@/components/history/version-history";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { icons } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import type { VersionDoc } from "@/lib/client/queries/scoring";
import { getVersionRecord, type VersionRecord } from "@/lib/domain/scoring/get-version";
import { scoringModelSchema } from "@/lib/domain/scoring/model";
import { getDraft, listVersions } from "@/lib/domain/scoring/versions";

type Props = { searchParams: Promise<{ from?: string; to?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("title") };
}

const toDoc = ({ authorLabel, publishedAt, ...rest }: VersionRecord): VersionDoc => ({
  ...rest,
  author: authorLabel,
  publishedAt: publishedAt.toISOString(),
});

export default async function HistoryPage({ searchParams }: Props) {
  const actor = await requirePagePermission("rules:read");
  const t = await getTranslations("history");
  const db = await getDb();
  const [versions, draft] = await Promise.all([listVersions(db), getDraft(db)]);
  const header = (
    <>
      <Link
        href="/rules"
        className="mb-4 inline-flex items-center gap-1 rounded text-sm text-slate-600 hover:text-slate-900"
      >
        <icons.arrowLeft width={16} height={16} /> {t("backToRules")}
      </Link>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
    </>
  );
  if (versions.length === 0) {
    return (
      <>
        {header}
        <Card>
          <EmptyState
            icon={<icons.rules width={40} height={40} />}
            title={t("empty.title")}
            body={t("empty.body")}
            action={
              <Link href="/rules" className={buttonClass("primary")}>
                {t("empty.action")}
              </Link>
            }
          />
        </Card>
      </>
    );
  }

  // Default: the active version against the one before it (or the draft when there is no other).
  const exists = (side: Side | null): side is Side =>
    side !== null && (side === "draft" ? draft !== null : versions.some((v) => v.version === side));
  const params = await searchParams;
  let from = parseSide(params.from);
  let to = parseSide(params.to);
  if (!exists(from) || !exists(to)) {
    const [active, previous] = versions;
    [from, to] = previous
      ? [previous.version, active.version]
      : draft
        ? [active.version, "draft"]
        : [active.version, active.version];
  }
  const wanted = [
    ...new Set([from, to, versions[0].version].filter((s): s is number => s !== "draft")),
  ];
  const records = (await Promise.all(wanted.map((v) => getVersionRecord(db, v)))).filter(
    (r) => r !== null,
  );
  const initialDocs = Object.fromEntries(records.map((r) => [r.version, toDoc(r)]));
  const active = initialDocs[versions[0].version];
  const initialDraft: DraftDoc = draft
    ? {
        model: draft.document,
        baseVersion: draft.baseVersion,
        updatedAt: draft.updatedAt.toISOString(),
        updatedBy: draft.updatedByLabel,
        valid: scoringModelSchema.safeParse(draft.document).success,
      }
    : {
        model: active.model,
        baseVersion: active.version,
        updatedAt: null,
        updatedBy: null,
        valid: true,
      };

  return (
    <>
      {header}
      <VersionHistory
        initialVersions={versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() }))}
        initialDraft={initialDraft}
        initialDocs={initialDocs}
        defaultFrom={from}
        defaultTo={to}
        canRestore={can(actor.role, "rules:write")}
      />
    </>
  );
}
