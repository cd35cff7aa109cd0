"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  inspectUpload,
  startImport,
  type ColumnTarget,
  type ImportMapping,
  type Inspection,
} from "@/lib/client/queries/imports";
import { useApiErrorText } from "@/lib/client/use-api-error";
import { FIELDS_BY_KIND, type DateOrder, type ImportKind } from "@/lib/shared/imports";
import { DateOrderQuestion } from "./date-order";
import { FileSummary } from "./file-summary";
import { MappingTable } from "./mapping-table";
import { applySaved, duplicateFields, targetsOf } from "./mapping-target";
import { RunPanel } from "./run-panel";
import { SavedMappings } from "./saved-mappings";
import { Step } from "./step";
import { UploadPanel } from "./upload-panel";

/** Upload → how it reads → mapping → dry run → import, on one page. */
export function ImportWizard({ kinds }: { kinds: readonly ImportKind[] }) {
  const t = useTranslations("import");
  const errorText = useApiErrorText();
  const [kind, setKind] = useState<ImportKind>(kinds[0]);
  const [share, setShare] = useState(0);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [targets, setTargets] = useState<ColumnTarget[]>([]);
  const [dateOrder, setDateOrder] = useState<DateOrder | undefined>();
  const [runs, setRuns] = useState<{ dry: string | null; real: string | null }>({
    dry: null,
    real: null,
  });

  const upload = useMutation({
    mutationFn: (file: File) => {
      setShare(0);
      return inspectUpload(file, kind, setShare);
    },
    onSuccess: (found) => {
      const nextKind = kinds.includes(found.suggestedKind) ? found.suggestedKind : kind;
      setKind(nextKind);
      setInspection(found);
      setTargets(targetsOf(found.mapping, found.headers.length));
      setDateOrder(found.mapping.dateOrder);
      setRuns({ dry: null, real: null });
    },
  });
  const mapping: ImportMapping | null = inspection && {
    columns: inspection.headers.map((h, index) => ({
      index,
      ...(inspection.hasHeader ? { header: h.slice(0, 500) } : {}),
      target: targets[index] ?? { to: "ignore" },
    })),
    ...(dateOrder ? { dateOrder } : {}),
  };
  const start = useMutation({
    mutationFn: (dryRun: boolean) =>
      startImport({ uploadId: inspection!.uploadId, kind, mapping: mapping!, dryRun }),
    onSuccess: (run) =>
      setRuns((r) => (run.dryRun ? { dry: run.id, real: null } : { ...r, real: run.id })),
  });
  const edit = (next: ColumnTarget[]) => {
    setTargets(next);
    setRuns({ dry: null, real: null });
  };
  const changeKind = (next: ImportKind) => {
    setKind(next);
    const allowed = FIELDS_BY_KIND[next] as readonly string[];
    edit(
      targets.map((c) => (c.to === "field" && !allowed.includes(c.field) ? { to: "ignore" } : c)),
    );
  };
  const reset = () => {
    setInspection(null);
    setTargets([]);
    setRuns({ dry: null, real: null });
    upload.reset();
    start.reset();
  };
  const problems = inspection?.problems ?? [];
  const needsOrder = Boolean(inspection?.dateOrder.ambiguous && !dateOrder);
  const blocked = problems.length > 0 || needsOrder || duplicateFields(targets).size > 0;

  return (
    <div className="space-y-5">
      <Card className="p-4 sm:p-5">
        <Step n={1} title={t("steps.upload")}>
          <UploadPanel
            kinds={kinds}
            kind={kind}
            onKind={inspection ? changeKind : setKind}
            onFile={(file) => upload.mutate(file)}
            uploading={upload.isPending}
            share={share}
          />
          {upload.error && (
            <p role="alert" className="mt-3 text-sm text-rose-700" data-testid="upload-error">
              {errorText(upload.error)}
            </p>
          )}
        </Step>
      </Card>
      {!inspection && !upload.isPending && !upload.error && (
        <p className="px-1 text-sm text-slate-600" data-testid="import-empty">
          {t("emptyHint")}
        </p>
      )}
      {inspection && (
        <Card className="p-4 sm:p-5">
          <Step
            n={2}
            title={t("steps.file", { name: inspection.fileName })}
            action={
              <Button variant="ghost" onClick={reset}>
                {t("another")}
              </Button>
            }
          >
            <FileSummary inspection={inspection} />
            {problems.length > 0 && (
              <ul
                role="alert"
                className="mt-4 space-y-1 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200"
                data-testid="file-problems"
              >
                {problems.map((p) => (
                  <li key={p.code}>
                    {t.has(`problems.${p.code}`) ? t(`problems.${p.code}`) : p.message}
                  </li>
                ))}
              </ul>
            )}
          </Step>
        </Card>
      )}
      {inspection && problems.length === 0 && mapping && (
        <Card className="p-4 sm:p-5">
          <Step n={3} title={t("steps.mapping")}>
            <p className="mb-3 text-sm text-slate-600">{t("mappingHint")}</p>
            <SavedMappings
              kind={kind}
              mapping={mapping}
              onApply={(s) => edit(applySaved(s.mapping, inspection.headers))}
            />
            <div className="mt-4">
              <MappingTable inspection={inspection} kind={kind} targets={targets} onChange={edit} />
            </div>
            {inspection.dateOrder.ambiguous && (
              <DateOrderQuestion
                samples={inspection.dateOrder.samples}
                value={dateOrder}
                onChange={(o) => {
                  setDateOrder(o);
                  setRuns({ dry: null, real: null });
                }}
              />
            )}
          </Step>
        </Card>
      )}
      {inspection && problems.length === 0 && (
        <Card className="p-4 sm:p-5">
          <Step n={4} title={t("steps.run")}>
            <p className="mb-3 text-sm text-slate-600">{t("dryRunHint")}</p>
            <Button
              onClick={() => start.mutate(true)}
              disabled={blocked || start.isPending}
              data-testid="dry-run-start"
            >
              {t("dryRun")}
            </Button>
            {needsOrder && <p className="mt-2 text-sm text-amber-800">{t("dateOrder.needed")}</p>}
            {start.error && (
              <p role="alert" className="mt-3 text-sm text-rose-700" data-testid="start-error">
                {errorText(start.error)}
              </p>
            )}
            {runs.dry && (
              <div className="mt-4">
                <RunPanel
                  id={runs.dry}
                  compact={runs.real !== null}
                  onImport={runs.real ? undefined : () => start.mutate(false)}
                />
              </div>
            )}
            {runs.real && (
              <div className="mt-6 border-t border-slate-100 pt-4">
                <RunPanel id={runs.real} />
              </div>
            )}
          </Step>
        </Card>
      )}
    </div>
  );
}
