"use client";

import { useConfirm } from "@/components/ui/use-confirm";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import { useUnsavedWarning } from "@/components/ui/use-unsaved-warning";
import type { Published } from "@/lib/client/queries/scoring";
import type { Rule, ScoringModel } from "@/lib/domain/scoring/model";
import { compareModels } from "./compare-models";
import { EditorHeader } from "./editor-header";
import { DraftNotices, type DraftBanner } from "@/components/ui/draft-notices";
import { EditorStatus } from "./editor-status";
import { FirstRun } from "./first-run";
import { ImpactLine, ImpactPreview } from "./impact-preview";
import { ImportProblemsDialog } from "./import-problems-dialog";
import { duplicateRule, placeRule, removeRule } from "./model-edits";
import { ModelImportInput } from "./model-import-input";
import { ModelTuning } from "./model-tuning";
import { PublishDialog, PublishProgress } from "./publish-dialog";
import { RuleColumns } from "./rule-columns";
import { RulePanel } from "./rule-panel";
import { TemplatesDialog } from "./templates-dialog";
import { useNewRuleShortcut } from "./use-new-rule-shortcut";
import { usePublish } from "./use-publish";
import { useRulePanel } from "./use-rule-panel";
import { editableModel, useDraft, usePreview, useSaveDraft, type DraftState } from "./use-scoring";

import type { ActiveSummary } from "@/lib/domain/scoring/editor-state";

export type { ActiveSummary };

export function RuleEditor({
  initialDraft,
  active,
  canWrite,
}: {
  initialDraft: DraftState | null;
  active: ActiveSummary;
  canWrite: boolean;
}) {
  const t = useTranslations("editor");
  const [confirm, confirmDialog] = useConfirm();
  const format = useFormatter();
  const router = useRouter();
  const draftQuery = useDraft(initialDraft);
  const save = useSaveDraft();
  const model = editableModel(draftQuery.data, initialDraft);
  const { panel, previewed, setCandidate, openNew, openEdit, close } = useRulePanel(model);
  // The draft against the live model; while a rule is edited, that edit alone against the draft.
  const preview = usePreview(model, active?.version ?? null);
  const ruleEffect = usePreview(
    panel && previewed !== model ? previewed : null,
    active?.version ?? null,
    "draft",
  );
  const [dialog, setDialog] = useState<"publish" | "templates" | null>(null);
  const [importProblems, setImportProblems] = useState<string[] | null>(null);
  const [banner, setBanner] = useState<DraftBanner | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const saveModel = useCallback(
    (next: ScoringModel) => {
      setBanner(null);
      save.mutate(next);
    },
    [save],
  );

  const addEngagement = useCallback(() => openNew("event"), [openNew]);
  useNewRuleShortcut(canWrite, panel !== null || dialog !== null, addEngagement);

  // Unsaved work: a save still on its way or failed, or an open rule panel.
  const unsaved = save.isPending || save.isError || panel !== null;
  useUnsavedWarning(unsaved);

  const comparison = useMemo(
    () => (model ? compareModels(model, active?.model ?? null) : null),
    [model, active],
  );
  const changes = comparison?.changes ?? 0;

  const loadModel = async (next: ScoringModel, message: string, confirmText: string) => {
    // A template or a file replaces every rule and the threshold: asked whenever that loses
    // something (rules in the draft, or a threshold that moves), saying what.
    const loses = model && (model.rules.length > 0 || model.mqlThreshold !== next.mqlThreshold);
    if (
      loses &&
      !(await confirm({
        title: confirmText,
        body: t(
          model.mqlThreshold === next.mqlThreshold
            ? "templates.replaceBodySameThreshold"
            : "templates.replaceBody",
          {
            rules: model.rules.length,
            incoming: next.rules.length,
            from: model.mqlThreshold,
            to: next.mqlThreshold,
          },
        ),
        action: t("templates.replace"),
        danger: true,
      }))
    )
      return;
    saveModel(next);
    setDialog(null);
    setBanner({ tone: "ok", text: message });
  };

  const onPublished = (result: Published) => {
    setDialog((open) => (open === "publish" ? null : open));
    setBanner({
      tone: "ok",
      text: t("publish.done", {
        version: result.version,
        leads: format.number(result.leadsRescored),
        seconds: format.number(result.ms / 1000, { maximumFractionDigits: 1 }),
      }),
    });
    router.refresh();
  };

  const publish = usePublish(onPublished);

  if (!model) return <FirstRun canWrite={canWrite} onPick={saveModel} />;

  const actions = canWrite
    ? {
        onEdit: openEdit,
        onDuplicate: (rule: Rule) =>
          saveModel(duplicateRule(model, rule, t("actions.copyOf", { label: rule.label }))),
        onDelete: async (rule: Rule) => {
          const yes = await confirm({
            title: t("actions.deleteConfirm", { label: rule.label }),
            action: t("actions.delete"),
            danger: true,
          });
          if (yes) saveModel(removeRule(model, rule.id));
        },
      }
    : undefined;

  const saveRule = (rule: Rule) => {
    if (!panel) return;
    saveModel(placeRule(model, rule, panel.editingId));
    close();
  };

  return (
    <>
      <EditorHeader
        model={model}
        canWrite={canWrite}
        canPublish={changes !== 0 && !save.isPending && !publish.running}
        onTemplates={() => setDialog("templates")}
        onImport={() => fileInput.current?.click()}
        onPublish={() => setDialog("publish")}
      />
      <ModelImportInput
        ref={fileInput}
        onModel={(m) =>
          loadModel(m, t("import.done", { name: m.name }), t("import.confirm", { name: m.name }))
        }
        onProblems={setImportProblems}
      />

      <EditorStatus
        active={active}
        changes={changes}
        saving={save.isPending}
        saveFailed={save.isError}
        saved={Boolean(draftQuery.data?.updatedAt)}
        canWrite={canWrite}
      />
      <DraftNotices
        namespace="editor"
        testId="editor-banner"
        canWrite={canWrite}
        saveError={save.isError ? save.error : null}
        onRetry={() => save.variables && save.mutate(save.variables)}
        banner={banner}
      />
      {publish.running && dialog !== "publish" && (
        <div className="mb-4 rounded-lg bg-white p-3 ring-1 ring-slate-200">
          <PublishProgress publish={publish} />
        </div>
      )}
      {publish.failed && dialog !== "publish" && (
        <p role="alert" className="mb-4 text-sm text-rose-700" data-testid="publish-failed">
          {t("publish.failed", { message: publish.failed.error ?? "" })}
        </p>
      )}

      <div className="space-y-6">
        <ImpactPreview preview={preview.data} loading={preview.isFetching} error={preview.error} />
        <div className="space-y-6">
          <RuleColumns
            rules={model.rules}
            active={active}
            comparison={comparison!}
            actions={actions}
            canWrite={canWrite}
            onAdd={openNew}
          />
          <ModelTuning model={model} editable={canWrite} onApply={saveModel} />
        </div>
      </div>

      {panel && (
        <RulePanel
          key={panel.key}
          open
          initial={panel.initial}
          isNew={panel.isNew}
          onSave={saveRule}
          onCandidate={setCandidate}
          impact={
            previewed !== model ? (
              <ImpactLine preview={ruleEffect.data} loading={ruleEffect.isFetching} />
            ) : null
          }
          onClose={close}
        />
      )}
      <PublishDialog
        open={dialog === "publish"}
        onClose={() => setDialog(null)}
        preview={preview.data}
        publish={publish}
      />
      <TemplatesDialog
        open={dialog === "templates"}
        onClose={() => setDialog(null)}
        onPick={(m) =>
          loadModel(
            m,
            t("templates.loaded", { name: m.name }),
            t("templates.confirm", { name: m.name }),
          )
        }
      />
      <ImportProblemsDialog problems={importProblems} onClose={() => setImportProblems(null)} />
      {confirmDialog}
    </>
  );
}
