"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useAuthorLabel } from "./use-author-label";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { Draft, VersionSummary } from "@/lib/client/queries/scoring";
import type { Side } from "./sides";

const small = "min-h-9 px-3 py-1.5 text-xs";

export function VersionList({
  versions,
  draft,
  from,
  to,
  canRestore,
  onCompare,
  onRestore,
}: {
  versions: VersionSummary[];
  draft: Draft | null;
  from: Side;
  to: Side;
  canRestore: boolean;
  onCompare: (from: Side, to: Side) => void;
  onRestore: (version: number) => void;
}) {
  const t = useTranslations("history.list");
  const authorLabel = useAuthorLabel();
  const format = useFormatter();
  const date = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const duration = (ms: number) =>
    ms < 1000
      ? format.number(ms, { style: "unit", unit: "millisecond" })
      : format.number(ms / 1000, { style: "unit", unit: "second", maximumFractionDigits: 1 });
  const sideBadges = (side: Side) => (
    <>
      {from === side && <Badge tone="slate">{t("before")}</Badge>}
      {to === side && <Badge tone="indigo">{t("after")}</Badge>}
    </>
  );
  const row = (side: Side) =>
    cn("px-4 py-4 sm:px-5", (from === side || to === side) && "bg-brand-50/50");
  const savedDraft = draft?.updatedAt ? draft : null;
  const active = versions[0];
  return (
    <Card aria-labelledby="versions-heading">
      <CardHeader
        id="versions-heading"
        title={t("title")}
        action={<span className="text-xs text-slate-500">{versions.length}</span>}
      />
      <ol className="divide-y divide-slate-100" data-testid="versions">
        {savedDraft && (
          <li className={row("draft")} data-testid="draft-row">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-semibold text-slate-900">{t("draftTitle")}</span>
              {sideBadges("draft")}
            </p>
            <p className="mt-1 text-xs text-slate-500">
              {t("draftMeta", {
                who: savedDraft.updatedBy ?? "—",
                date: date(savedDraft.updatedAt!),
              })}
              {savedDraft.baseVersion !== null && (
                <> · {t("draftBase", { version: savedDraft.baseVersion })}</>
              )}
            </p>
            {active && (
              <div className="mt-3">
                <Button
                  variant="secondary"
                  className={small}
                  onClick={() => onCompare(active.version, "draft")}
                >
                  {t("compareDraft")}
                </Button>
              </div>
            )}
          </li>
        )}
        {versions.map((v, i) => {
          const previous = versions[i + 1];
          return (
            <li
              key={v.version}
              className={row(v.version)}
              data-testid="version-row"
              data-version={v.version}
            >
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold text-slate-900">
                  {t("version", { version: v.version })}
                </span>
                {i === 0 && <Badge tone="green">{t("active")}</Badge>}
                {sideBadges(v.version)}
              </p>
              <p
                className={cn(
                  "mt-1 text-sm break-words",
                  v.note ? "text-slate-800" : "text-slate-500 italic",
                )}
                data-testid="version-note"
              >
                {v.note || t("noNote")}
              </p>
              <p className="mt-1 text-xs text-slate-500">
                {authorLabel(v.authorLabel)} ·{" "}
                <time dateTime={v.publishedAt}>{date(v.publishedAt)}</time>
              </p>
              <p className="text-xs text-slate-500">
                {t("rescored", { count: v.leadsRescored, duration: duration(v.durationMs) })}
              </p>
              {(previous || canRestore) && (
                <div className="mt-3 flex flex-wrap gap-2">
                  {previous && (
                    <Button
                      variant="secondary"
                      className={small}
                      onClick={() => onCompare(previous.version, v.version)}
                      aria-label={t("showChangesLabel", { version: v.version })}
                    >
                      {t("showChanges")}
                    </Button>
                  )}
                  {canRestore && (
                    <Button
                      variant="secondary"
                      className={small}
                      onClick={() => onRestore(v.version)}
                      aria-label={t("restoreLabel", { version: v.version })}
                      data-testid="restore"
                    >
                      {t("restore")}
                    </Button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
