"use client";

/**
 * The threshold designer: drag the MQL line and band edges over the current scores and read what
 * the candidate threshold means, edit the handoff conditions, and publish through the same
 * publish as the rule editor. Every valid change is saved to the draft (debounced); a manager may
 * explore the figures but saves nothing.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { useUnsavedWarning } from "@/components/ui/use-unsaved-warning";
import { PublishDialog, PublishProgress } from "@/components/rules/publish-dialog";
import { usePublish } from "@/components/rules/use-publish";
import type { ActiveSummary } from "@/components/rules/rule-editor";
import {
  editableModel,
  useDraft,
  usePreview,
  useSaveDraft,
  type DraftState,
} from "@/components/rules/use-scoring";
import {
  scoresKey,
  scoringQueries,
  type Published,
  type ThresholdEvidence,
} from "@/lib/client/queries/scoring";
import { diffModels } from "@/lib/domain/scoring/diff";
import { BandsEditor } from "./bands-editor";
import { DraftNotices } from "@/components/ui/draft-notices";
import { DesignerStatus } from "./designer-status";
import { DistributionCard } from "./distribution-card";
import { HandoffConditions } from "./handoff-conditions";
import { chartDomain } from "./histogram-geometry";
import { NoModel } from "./no-model";
import { moveMarker, parseNumber, thresholdMarkers } from "./threshold-markers";
import { ThresholdFigures } from "./threshold-figures";
import { useThresholdForm } from "./use-threshold-form";

export function ThresholdDesigner({
  initialDraft,
  active,
  canWrite,
  initialEvidence,
}: {
  initialDraft: DraftState | null;
  active: ActiveSummary;
  canWrite: boolean;
  initialEvidence: ThresholdEvidence;
}) {
  const t = useTranslations("thresholds");
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const client = useQueryClient();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const draftQuery = useDraft(initialDraft);
  const save = useSaveDraft();
  const { mutate } = save;
  const saved = editableModel(draftQuery.data, initialDraft);
  // Backtested under the saved draft: refetched when its rules change, not when its threshold does.
  const scoresNow = scoresKey(saved);
  const evidenceQuery = useQuery({
    ...scoringQueries.evidence(scoresNow),
    initialData: scoresNow === scoresKey(initialDraft?.model ?? null) ? initialEvidence : undefined,
  });
  const evidence = evidenceQuery.data ?? initialEvidence;
  const { form, setForm, errors, candidate, dirty } = useThresholdForm(saved, canWrite, mutate);
  const [publishing, setPublishing] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);

  const unsaved =
    canWrite && (dirty || save.isPending || save.isError || Object.keys(errors).length > 0);
  useUnsavedWarning(unsaved);

  const preview = usePreview(candidate ?? saved, active?.version ?? null);
  const changes = useMemo(() => {
    if (!saved) return 0;
    if (!active) return 1;
    const d = diffModels(active.model, saved);
    return (
      d.settings.length + d.rules.added.length + d.rules.removed.length + d.rules.changed.length
    );
  }, [saved, active]);

  const domain = useMemo(
    () =>
      chartDomain(
        evidence.scores,
        saved
          ? [
              saved.mqlThreshold,
              ...saved.bands.slice(1).map((b) => b.min),
              ...(active ? [active.model.mqlThreshold] : []),
            ]
          : [],
      ),
    [evidence.scores, saved, active],
  );

  const onPublished = (result: Published) => {
    setPublishing(false);
    setBanner(
      t("published", {
        version: result.version,
        leads: n(result.leadsRescored),
        seconds: format.number(result.ms / 1000, { maximumFractionDigits: 1 }),
      }),
    );
    void client.invalidateQueries({ queryKey: [...scoringQueries.all, "threshold-evidence"] });
    router.refresh();
  };
  const publish = usePublish(onPublished);

  if (!saved || !form) return <NoModel />;

  const threshold = parseNumber(form.threshold) ?? saved.mqlThreshold;
  const bandValues = form.bands.map((b) => parseNumber(b.min));
  const markers = thresholdMarkers(form, threshold, bandValues, domain, {
    number: n,
    mqlLabel: (value) => t("chart.mqlLabel", { value }),
    mqlAria: t("chart.mqlAria"),
    bandAria: (band) => t("chart.bandAria", { band }),
  });

  const saveState = !canWrite
    ? null
    : Object.keys(errors).length
      ? t("status.fix")
      : save.isPending || dirty
        ? t("status.saving")
        : save.isError
          ? null
          : draftQuery.data?.updatedAt
            ? t("status.saved")
            : null;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={saved.name}
        actions={
          <>
            <Link href="/rules" className={buttonClass("secondary")}>
              {t("actions.rules")}
            </Link>
            {canWrite && (
              <Button
                onClick={() => setPublishing(true)}
                disabled={
                  changes === 0 ||
                  dirty ||
                  save.isPending ||
                  publish.running ||
                  Object.keys(errors).length > 0
                }
                data-testid="publish"
              >
                {t("actions.publish")}
              </Button>
            )}
          </>
        }
      />
      <DesignerStatus active={active} changes={changes} saveState={saveState} />
      {publish.running && !publishing && (
        <div className="mb-4 rounded-lg bg-white p-3 ring-1 ring-slate-200">
          <PublishProgress publish={publish} />
        </div>
      )}
      <DraftNotices
        namespace="thresholds"
        testId="designer-banner"
        canWrite={canWrite}
        saveError={save.isError ? save.error : null}
        onRetry={() => candidate && mutate(candidate)}
        banner={banner ? { tone: "ok", text: banner } : null}
      />

      <div className="space-y-6">
        <DistributionCard
          scores={evidence.scores}
          bands={form.bands}
          bandValues={bandValues}
          markers={markers}
          domain={domain}
          live={active?.model.mqlThreshold ?? null}
          onMove={(id, value) => setForm(moveMarker(form, id, value))}
        />

        <ThresholdFigures
          evidence={evidence}
          threshold={threshold}
          handoffs={preview.data?.handoffs ?? null}
          handoffsLoading={preview.isFetching}
        />

        <div className="grid gap-6 lg:grid-cols-2">
          <BandsEditor form={form} errors={errors} editable={canWrite} onChange={setForm} />
          <HandoffConditions form={form} errors={errors} editable={canWrite} onChange={setForm} />
        </div>
      </div>

      <PublishDialog
        open={publishing}
        onClose={() => setPublishing(false)}
        preview={preview.data}
        publish={publish}
      />
    </>
  );
}
