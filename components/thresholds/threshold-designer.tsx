"use client";

/**
 * The threshold designer: drag the MQL line and band edges over the current scores and read what
 * the candidate threshold means, edit the handoff conditions, and publish through the same
 * publish as the rule editor. Every valid change is saved to the draft (debounced); a manager may
 * explore the figures but saves nothing.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { useUnsavedWarning } from "@/components/ui/use-unsaved-warning";
import { PublishDialog, type Published } from "@/components/rules/publish-dialog";
import type { ActiveSummary } from "@/components/rules/rule-editor";
import {
  api,
  useDraft,
  usePreview,
  useSaveDraft,
  type DraftState,
} from "@/components/rules/use-scoring";
import { canonical, diffModels } from "@/lib/domain/scoring/diff";
import type { ThresholdEvidence } from "@/lib/domain/thresholds/figures";
import { BandsEditor } from "./bands-editor";
import { HandoffConditions } from "./handoff-conditions";
import { BAND_SWATCHES, chartDomain, ScoreHistogram, type Marker } from "./score-histogram";
import { formErrors, formFromModel, modelFromForm, type ThresholdForm } from "./threshold-form";
import { ThresholdFigures } from "./threshold-figures";

const evidenceKey = ["thresholds", "evidence"] as const;
const SAVE_DELAY_MS = 700;

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
  const now = useNow({ updateInterval: 60_000 });
  const router = useRouter();
  const client = useQueryClient();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const draftQuery = useDraft(initialDraft);
  const save = useSaveDraft();
  const { mutate } = save;
  const saved = draftQuery.data?.model ?? null;
  const evidence = useQuery({
    queryKey: evidenceKey,
    queryFn: () => api<ThresholdEvidence>("/api/v1/thresholds/evidence"),
    initialData: initialEvidence,
    staleTime: 60_000,
  }).data;
  const [form, setForm] = useState<ThresholdForm | null>(() =>
    saved ? formFromModel(saved) : null,
  );
  const [publishing, setPublishing] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);

  const errors = useMemo(() => (form ? formErrors(form) : {}), [form]);
  const candidate = useMemo(
    () => (saved && form ? modelFromForm(saved, form) : null),
    [saved, form],
  );
  // Compared with sorted keys: the stored draft comes back from jsonb with its keys reordered.
  const candidateText = candidate ? canonical(candidate) : null;
  const dirty = candidateText !== null && saved !== null && candidateText !== canonical(saved);

  // Autosave: a valid candidate that differs from the draft is saved once the person pauses.
  useEffect(() => {
    if (!canWrite || !dirty || !candidate) return;
    const timer = setTimeout(() => mutate(candidate), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // candidateText stands for candidate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canWrite, dirty, candidateText, mutate]);

  const unsaved =
    canWrite && (dirty || save.isPending || save.isError || Object.keys(errors).length > 0);
  useUnsavedWarning(unsaved);

  const preview = usePreview(candidate ?? saved);
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

  if (!saved || !form) {
    return (
      <>
        <PageHeader title={t("title")} subtitle={t("subtitle")} />
        <Card>
          <EmptyState
            title={t("empty.noModelTitle")}
            body={t("empty.noModelBody")}
            action={
              <Link href="/rules" className={buttonClass("primary")}>
                {t("empty.toRules")}
              </Link>
            }
          />
        </Card>
      </>
    );
  }

  const number = (s: string) => (s.trim() !== "" && Number.isFinite(Number(s)) ? Number(s) : null);
  const threshold = number(form.threshold) ?? saved.mqlThreshold;
  const bandValues = form.bands.map((b) => number(b.min));
  const markers: Marker[] = [
    {
      id: "mql",
      kind: "mql",
      value: threshold,
      min: domain.lo,
      max: domain.hi,
      label: t("chart.mqlLabel", { value: n(threshold) }),
      ariaLabel: t("chart.mqlAria"),
    },
    ...form.bands.flatMap((b, i): Marker[] => {
      const value = bandValues[i];
      if (i === 0 || value === null) return [];
      const below = bandValues[i - 1];
      const above = bandValues[i + 1];
      return [
        {
          id: `band-${i}`,
          kind: "band",
          value,
          min: below === null ? domain.lo : below + 1,
          max: above === null || above === undefined ? domain.hi : above - 1,
          label: n(value),
          ariaLabel: t("chart.bandAria", { band: b.name || i + 1 }),
        },
      ];
    }),
  ];
  const onMove = (id: string, value: number) => {
    if (id === "mql") setForm({ ...form, threshold: String(value) });
    else {
      const i = Number(id.slice("band-".length));
      setForm({
        ...form,
        bands: form.bands.map((b, j) => (j === i ? { ...b, min: String(value) } : b)),
      });
    }
  };
  const bandsForChart = form.bands.map((b, i) => ({
    name: b.name,
    min: bandValues[i] ?? -Infinity,
  }));

  const onPublished = (result: Published) => {
    setPublishing(false);
    setBanner(
      t("published", {
        version: result.version,
        leads: n(result.leadsRescored),
        seconds: format.number(result.ms / 1000, { maximumFractionDigits: 1 }),
      }),
    );
    void client.invalidateQueries({ queryKey: evidenceKey });
    router.refresh();
  };

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
                  changes === 0 || dirty || save.isPending || Object.keys(errors).length > 0
                }
                data-testid="publish"
              >
                {t("actions.publish")}
              </Button>
            )}
          </>
        }
      />
      <div
        className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600"
        data-testid="designer-status"
      >
        <span>
          {active
            ? t("status.active", {
                version: active.version,
                threshold: n(active.model.mqlThreshold),
                when: format.relativeTime(new Date(active.publishedAt), now),
              })
            : t("status.noActive")}
        </span>
        <span data-testid="draft-changes">
          {changes === 0 ? t("status.draftClean") : t("status.draftChanges", { count: changes })}
        </span>
        {saveState && (
          <span className="text-slate-400" aria-live="polite" data-testid="save-state">
            {saveState}
          </span>
        )}
      </div>
      {!canWrite && (
        <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {t("readOnly")}
        </p>
      )}
      {save.isError && (
        <div
          role="alert"
          className="mb-4 flex flex-wrap items-center gap-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200"
        >
          {t("status.saveFailed", { message: save.error.message })}
          <Button
            variant="secondary"
            className="min-h-8 py-1"
            onClick={() => candidate && mutate(candidate)}
          >
            {t("status.retry")}
          </Button>
        </div>
      )}
      {banner && (
        <div
          role="status"
          className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
          data-testid="designer-banner"
        >
          {banner}
        </div>
      )}

      <div className="space-y-6">
        <Card aria-labelledby="distribution-heading">
          <CardHeader
            id="distribution-heading"
            title={t("chart.title")}
            action={<span className="text-xs text-slate-500">{t("chart.hint")}</span>}
          />
          <div className="px-2 pt-3 pb-4 sm:px-4">
            {evidence.scores.length === 0 ? (
              <EmptyState title={t("empty.noScoresTitle")} body={t("empty.noScoresBody")} />
            ) : (
              <ScoreHistogram
                scores={evidence.scores}
                bands={bandsForChart}
                markers={markers}
                domain={domain}
                live={active?.model.mqlThreshold ?? null}
                onMove={onMove}
              />
            )}
            <ul
              className="mt-2 flex flex-wrap gap-x-4 gap-y-1 px-2 text-xs text-slate-600"
              aria-label={t("chart.legend")}
            >
              {form.bands.map((b, i) => (
                <li key={i} className="flex items-center gap-1.5">
                  <span
                    aria-hidden
                    className={cn("size-2.5 rounded-sm", BAND_SWATCHES[i % BAND_SWATCHES.length])}
                  />
                  {t("chart.band", {
                    name: b.name || "—",
                    min: bandValues[i] === null ? "?" : n(bandValues[i]!),
                  })}
                </li>
              ))}
              <li className="flex items-center gap-1.5">
                <span aria-hidden className="h-3 w-0.5 bg-rose-600" />
                {t("chart.mqlLegend")}
              </li>
            </ul>
          </div>
        </Card>

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
        onPublished={onPublished}
      />
    </>
  );
}
