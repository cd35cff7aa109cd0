"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { useUnsavedWarning } from "@/components/ui/use-unsaved-warning";
import type { Rule, ScoringModel } from "@/lib/domain/scoring/model";
import { ContentVelocity } from "./content-velocity";
import { ImpactLine, ImpactPreview } from "./impact-preview";
import { downloadModel, readModelFile } from "./model-file";
import { ModelSettings } from "./model-settings";
import { PublishDialog, type Published } from "./publish-dialog";
import { diffModels } from "@/lib/domain/scoring/diff";
import { RuleList, type RuleStatus } from "./rule-list";
import { RulePanel } from "./rule-panel";
import { TemplateCards, TemplatesDialog } from "./templates-dialog";
import { useDraft, usePreview, useSaveDraft, type DraftState } from "./use-scoring";
import { draftFromRule, emptyDraft, type RuleDraft } from "./validate-rule";

import type { ActiveSummary } from "@/lib/domain/scoring/editor-state";

export type { ActiveSummary };

const settingsKey = ({ rules: _rules, ...settings }: ScoringModel) => JSON.stringify(settings);
const velocityKey = (model: ScoringModel) =>
  JSON.stringify(model.rules.filter((r) => r.id.startsWith("content-")));

function slug(text: string) {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "rule"
  );
}

function uniqueId(base: string, rules: Rule[]) {
  let id = slug(base);
  for (let i = 2; rules.some((r) => r.id === id); i++) id = `${slug(base)}-${i}`;
  return id;
}

/** How the draft differs from the live model: the count shown, and each rule's marker on both sides. */
function compare(draft: ScoringModel, active: ScoringModel | null) {
  const draftStatus = new Map<string, RuleStatus>();
  const activeStatus = new Map<string, RuleStatus>();
  if (!active) {
    for (const r of draft.rules) draftStatus.set(r.id, "new");
    return { changes: draft.rules.length, draftStatus, activeStatus };
  }
  const diff = diffModels(active, draft);
  for (const r of diff.rules.added) draftStatus.set(r.id, "new");
  for (const r of diff.rules.removed) activeStatus.set(r.id, "removed");
  for (const c of diff.rules.changed) {
    draftStatus.set(c.id, "changed");
    activeStatus.set(c.id, "changed");
  }
  const changes =
    diff.rules.added.length +
    diff.rules.removed.length +
    diff.rules.changed.length +
    diff.settings.length;
  return { changes, draftStatus, activeStatus };
}

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
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const router = useRouter();
  const draftQuery = useDraft(initialDraft);
  const save = useSaveDraft();
  const model = draftQuery.data?.model ?? null;
  const [panel, setPanel] = useState<{
    initial: RuleDraft;
    isNew: boolean;
    editingId: string | null;
    key: number;
  } | null>(null);
  // While a rule is being edited, the preview follows it before it is saved.
  const [candidate, setCandidate] = useState<Rule | null>(null);
  const previewed = useMemo(() => {
    if (!model || !panel || !candidate) return model;
    return panel.editingId
      ? {
          ...model,
          rules: model.rules.map((r) =>
            r.id === panel.editingId ? { ...candidate, id: panel.editingId } : r,
          ),
        }
      : {
          ...model,
          rules: [...model.rules, { ...candidate, id: uniqueId(candidate.label, model.rules) }],
        };
  }, [model, panel, candidate]);
  const preview = usePreview(previewed);
  const [dialog, setDialog] = useState<"publish" | "templates" | null>(null);
  const [importProblems, setImportProblems] = useState<string[] | null>(null);
  const [banner, setBanner] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const saveModel = useCallback(
    (next: ScoringModel) => {
      setBanner(null);
      save.mutate(next);
    },
    [save],
  );

  const openNew = useCallback(
    (kind: "attribute" | "event") =>
      setPanel({
        initial: emptyDraft(kind, "new-rule"),
        isNew: true,
        editingId: null,
        key: Date.now(),
      }),
    [],
  );

  // Keyboard: N adds an engagement rule (when no field has focus and no dialog is open).
  useEffect(() => {
    if (!canWrite) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key.toLowerCase() !== "n" || e.metaKey || e.ctrlKey || e.altKey || panel || dialog)
        return;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable)
        return;
      e.preventDefault();
      openNew("event");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canWrite, panel, dialog, openNew]);

  // Unsaved work: a save still on its way or failed, or an open rule panel.
  const unsaved = save.isPending || save.isError || panel !== null;
  useUnsavedWarning(unsaved);

  const comparison = useMemo(
    () => (model ? compare(model, active?.model ?? null) : null),
    [model, active],
  );
  const changes = comparison?.changes ?? 0;

  const loadModel = (next: ScoringModel, message: string, confirmText: string) => {
    if (model && changes > 0 && !window.confirm(confirmText)) return;
    saveModel(next);
    setDialog(null);
    setBanner({ tone: "ok", text: message });
  };

  const onPublished = (result: Published) => {
    setDialog(null);
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

  // First run: nothing live, no draft — start from a template.
  if (!model) {
    return (
      <>
        <PageHeader title={t("title")} subtitle={t("subtitle")} />
        <Card className="p-5 sm:p-6">
          <h2 className="text-lg font-semibold text-slate-900">{t("templates.firstRunTitle")}</h2>
          <p className="mt-1 mb-5 max-w-2xl text-sm text-slate-600">
            {t("templates.firstRunBody")}
          </p>
          {canWrite ? (
            <TemplateCards onPick={(m) => saveModel(m)} />
          ) : (
            <p className="text-sm text-slate-500">{t("readOnly")}</p>
          )}
        </Card>
      </>
    );
  }

  const actions = canWrite
    ? {
        onEdit: (rule: Rule) =>
          setPanel({
            initial: draftFromRule(rule),
            isNew: false,
            editingId: rule.id,
            key: Date.now(),
          }),
        onDuplicate: (rule: Rule) =>
          saveModel({
            ...model,
            rules: [
              ...model.rules,
              {
                ...rule,
                id: uniqueId(`${rule.id}-copy`, model.rules),
                label: t("actions.copyOf", { label: rule.label }),
              },
            ],
          }),
        onDelete: (rule: Rule) => {
          if (window.confirm(t("actions.deleteConfirm", { label: rule.label })))
            saveModel({ ...model, rules: model.rules.filter((r) => r.id !== rule.id) });
        },
      }
    : undefined;

  const saveRule = (rule: Rule) => {
    if (!panel) return;
    if (panel.editingId) {
      saveModel({
        ...model,
        rules: model.rules.map((r) =>
          r.id === panel.editingId ? { ...rule, id: panel.editingId } : r,
        ),
      });
    } else {
      saveModel({
        ...model,
        rules: [...model.rules, { ...rule, id: uniqueId(rule.label, model.rules) }],
      });
    }
    setPanel(null);
    setCandidate(null);
  };

  const saveState = save.isPending
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
        subtitle={model.name}
        actions={
          <>
            {canWrite && (
              <>
                <Button variant="secondary" onClick={() => setDialog("templates")}>
                  {t("actions.templates")}
                </Button>
                <Button variant="secondary" onClick={() => fileInput.current?.click()}>
                  {t("actions.import")}
                </Button>
              </>
            )}
            <Button variant="secondary" onClick={() => downloadModel(model)}>
              {t("actions.export")}
            </Button>
            <Link href="/rules/history" className={buttonClass("secondary")}>
              {t("actions.history")}
            </Link>
            {canWrite && (
              <Button
                onClick={() => setDialog("publish")}
                disabled={changes === 0 || save.isPending}
                data-testid="publish"
              >
                {t("actions.publish")}
              </Button>
            )}
          </>
        }
      />
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        className="hidden"
        data-testid="import-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (!file) return;
          const result = await readModelFile(file);
          if (result.ok)
            loadModel(
              result.model,
              t("import.done", { name: result.model.name }),
              t("import.confirm", { name: result.model.name }),
            );
          else setImportProblems(result.problems ?? [t("import.notJson")]);
        }}
      />

      <div
        className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600"
        data-testid="editor-status"
      >
        <span>
          {active
            ? t("status.active", {
                version: active.version,
                author: active.authorLabel,
                when: format.relativeTime(new Date(active.publishedAt), now),
              })
            : t("status.noActive")}
        </span>
        <span aria-hidden className="hidden text-slate-300 sm:inline">
          |
        </span>
        <span data-testid="draft-changes">
          {changes === 0 ? t("status.draftClean") : t("status.draftChanges", { count: changes })}
        </span>
        {saveState && (
          <span className="text-slate-400" aria-live="polite">
            {saveState}
          </span>
        )}
        {canWrite && (
          <span className="hidden text-xs text-slate-400 lg:inline">{t("shortcut")}</span>
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
            onClick={() => save.variables && save.mutate(save.variables)}
          >
            {t("status.retry")}
          </Button>
        </div>
      )}
      {banner && (
        <div
          role="status"
          className={`mb-4 rounded-md px-3 py-2 text-sm ring-1 ${banner.tone === "ok" ? "bg-emerald-50 text-emerald-900 ring-emerald-200" : "bg-rose-50 text-rose-800 ring-rose-200"}`}
          data-testid="editor-banner"
        >
          {banner.text}
        </div>
      )}

      <div className="space-y-6">
        <ImpactPreview preview={preview.data} loading={preview.isFetching} error={preview.error} />
        <div className="space-y-6">
          <div className="grid gap-6 lg:grid-cols-2">
            <Card aria-labelledby="draft-heading">
              <CardHeader
                id="draft-heading"
                title={t("columns.draft")}
                action={<span className="text-xs text-slate-500">{t("columns.draftHint")}</span>}
              />
              <div className="px-3 py-3 sm:px-4">
                <RuleList
                  rules={model.rules}
                  statuses={comparison!.draftStatus}
                  actions={actions}
                  testId="draft-rules"
                />
                {canWrite && (
                  <div className="mt-3 flex flex-wrap gap-2 border-t border-slate-100 pt-3">
                    <Button variant="secondary" onClick={() => openNew("attribute")}>
                      {t("actions.addFit")}
                    </Button>
                    <Button variant="secondary" onClick={() => openNew("event")}>
                      {t("actions.addEngagement")}
                    </Button>
                  </div>
                )}
              </div>
            </Card>
            <Card aria-labelledby="active-heading" className="self-start">
              <CardHeader
                id="active-heading"
                title={
                  active
                    ? t("columns.active", { version: active.version })
                    : t("columns.activeNone")
                }
              />
              <div className="px-3 py-3 sm:px-4">
                {active ? (
                  <RuleList
                    rules={active.model.rules}
                    statuses={comparison!.activeStatus}
                    testId="active-rules"
                  />
                ) : (
                  <p className="py-6 text-center text-sm text-slate-500">
                    {t("columns.activeEmpty")}
                  </p>
                )}
              </div>
            </Card>
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <ContentVelocity
              key={velocityKey(model)}
              model={model}
              editable={canWrite}
              onApply={saveModel}
            />
            <ModelSettings
              key={settingsKey(model)}
              model={model}
              editable={canWrite}
              onApply={saveModel}
            />
          </div>
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
          impact={<ImpactLine preview={preview.data} loading={preview.isFetching} />}
          onClose={() => {
            setPanel(null);
            setCandidate(null);
          }}
        />
      )}
      <PublishDialog
        open={dialog === "publish"}
        onClose={() => setDialog(null)}
        preview={preview.data}
        onPublished={onPublished}
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
      <Dialog
        open={importProblems !== null}
        onClose={() => setImportProblems(null)}
        title={t("import.title")}
        labelledBy="import-title"
        footer={<Button onClick={() => setImportProblems(null)}>{t("import.close")}</Button>}
      >
        {importProblems && importProblems.length > 1 && (
          <p className="mb-2 text-sm text-slate-700">
            {t("import.invalid", { count: importProblems.length })}
          </p>
        )}
        <ul
          className="list-disc space-y-1 pl-5 text-sm text-rose-800"
          data-testid="import-problems"
        >
          {importProblems?.map((p) => (
            <li key={p}>
              <code className="text-xs">{p}</code>
            </li>
          ))}
        </ul>
      </Dialog>
    </>
  );
}
