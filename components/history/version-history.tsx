"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  scoringQueries,
  type Draft,
  type VersionDoc,
  type VersionSummary,
} from "@/lib/client/queries/scoring";
import { ComparePanel } from "./compare-panel";
import { RestoreDialog } from "./restore-dialog";
import type { Side } from "./sides";
import { VersionList } from "./version-list";

/** The draft as the page reads it, `valid` when it parses: what GET /draft answers. */
export type DraftDoc = {
  model: unknown;
  baseVersion: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
  valid: boolean;
};

/** The interactive history: pick two sides to compare, restore a version as the draft. */
export function VersionHistory({
  initialVersions,
  initialDraft,
  initialDocs,
  defaultFrom,
  defaultTo,
  canRestore,
}: {
  initialVersions: VersionSummary[];
  initialDraft: DraftDoc | null;
  initialDocs: Record<number, VersionDoc>;
  defaultFrom: Side;
  defaultTo: Side;
  canRestore: boolean;
}) {
  const t = useTranslations("history.restore");
  // The page builds the draft as GET /draft answers it; only its types are looser.
  const seed = initialDraft as Draft | null;
  const versions = useQuery({ ...scoringQueries.versions(), initialData: initialVersions }).data;
  const draft =
    useQuery({ ...scoringQueries.draft(), initialData: seed ?? undefined }).data ?? null;
  const [sides, setSides] = useState({ from: defaultFrom, to: defaultTo });
  const [restoring, setRestoring] = useState<number | null>(null);
  const [restored, setRestored] = useState<number | null>(null);

  const compare = (from: Side, to: Side) => {
    setSides({ from, to });
    // Shareable: the URL says what is compared (Next's router follows replaceState).
    window.history.replaceState(null, "", `?from=${from}&to=${to}`);
    const panel = document.getElementById("compare-heading");
    const top = panel?.getBoundingClientRect().top ?? 0;
    if (panel && (top < 0 || top > window.innerHeight * 0.6))
      panel.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  return (
    <>
      <div role="status" aria-live="polite">
        {restored !== null && (
          <div
            className="mb-6 rounded-lg bg-emerald-50 px-4 py-3 ring-1 ring-emerald-200"
            data-testid="restored"
          >
            <p className="text-sm font-medium text-emerald-900">
              {t("done", { version: restored })}
            </p>
            <Link
              href="/rules"
              className="mt-1 inline-block text-sm font-medium text-emerald-800 underline underline-offset-2 hover:text-emerald-950"
            >
              {t("openEditor")}
            </Link>
          </div>
        )}
      </div>
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <VersionList
          versions={versions}
          draft={draft}
          from={sides.from}
          to={sides.to}
          canRestore={canRestore}
          onCompare={compare}
          onRestore={setRestoring}
        />
        <ComparePanel
          versions={versions}
          hasDraft={!!draft?.updatedAt}
          from={sides.from}
          to={sides.to}
          onChange={compare}
          initial={{ docs: initialDocs, draft: seed }}
        />
      </div>
      {canRestore && (
        <RestoreDialog
          version={restoring}
          draft={draft}
          onClose={() => setRestoring(null)}
          onRestored={(version) => {
            setRestoring(null);
            setRestored(version);
            // Show what the restored draft would change against what scores leads today.
            if (versions[0]) compare(versions[0].version, "draft");
          }}
        />
      )}
    </>
  );
}
