"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { icons } from "@/components/ui/icons";
import type { ImportKind } from "@/lib/shared/imports";

/** Choosing what the file holds and the file itself; the upload's progress while it is sent. */
export function UploadPanel({
  kinds,
  kind,
  onKind,
  onFile,
  uploading,
  share,
}: {
  kinds: readonly ImportKind[];
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  onFile: (file: File) => void;
  uploading: boolean;
  share: number;
}) {
  const t = useTranslations("import");
  const fileId = useId();
  return (
    <div className="grid gap-4 sm:grid-cols-[minmax(0,20rem)_minmax(0,1fr)] sm:items-start">
      <Field id="import-kind" label={t("kindLabel")}>
        <Select
          id="import-kind"
          value={kind}
          onChange={(e) => onKind(e.target.value as ImportKind)}
          disabled={uploading}
          data-testid="import-kind"
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="space-y-1">
        <p id={fileId} className="block text-sm font-medium text-slate-700">
          {t("fileLabel")}
        </p>
        {/* The browser's own file button speaks the browser's language: this one speaks ours. */}
        <label
          className={buttonClass(
            "primary",
            "cursor-pointer focus-within:ring-2 focus-within:ring-brand-600 focus-within:ring-offset-2 has-[:disabled]:cursor-not-allowed has-[:disabled]:bg-brand-200",
          )}
        >
          <icons.import width={16} height={16} aria-hidden />
          {t("chooseFile")}
          <input
            type="file"
            aria-labelledby={fileId}
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            disabled={uploading}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
              e.target.value = "";
            }}
            className="sr-only"
            data-testid="import-file"
          />
        </label>
        <p className="text-xs text-slate-500">{t("fileHint")}</p>
        {uploading && (
          <div className="space-y-1 pt-2" data-testid="upload-progress">
            <div className="flex justify-between text-sm text-slate-600">
              <span>{t("uploading")}</span>
              <span className="tabular-nums">{Math.round(share * 100)} %</span>
            </div>
            <div
              role="progressbar"
              aria-label={t("uploading")}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(share * 100)}
              className="h-2 overflow-hidden rounded-full bg-slate-200"
            >
              <div
                className="h-full rounded-full bg-brand-600 transition-[width] duration-200"
                style={{ width: `${Math.round(share * 100)}%` }}
              />
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
