/**
 * CSV imports from the browser: the upload (with its progress — fetch cannot report an upload's
 * progress, so this one call uses XMLHttpRequest and the same error shape), starting a dry run or
 * an import, following it, cancelling it, and saved mappings.
 */
import { queryOptions } from "@tanstack/react-query";
import type { ImportKind } from "@/lib/shared/imports";
import { ApiError, api, call, callData } from "../api";
import type { components } from "../api-schema";

export type Inspection = components["schemas"]["ImportInspection"];
export type ImportMapping = components["schemas"]["ImportMapping"];
export type ColumnTarget = components["schemas"]["ImportColumnTarget"];
export type ImportView = components["schemas"]["Import"];
export type ImportRowErrorView = components["schemas"]["ImportRowError"];
export type SavedMapping = components["schemas"]["ImportSavedMapping"];

const FINISHED = new Set<ImportView["state"]>(["done", "failed", "cancelled"]);
export const importFinished = (i: ImportView | undefined) => Boolean(i && FINISHED.has(i.state));

const imports = ["imports"] as const;

export const importQueries = {
  all: imports,
  /** Polled every second while it is queued or running. */
  one: (id: string | null) =>
    queryOptions({
      queryKey: [...imports, "one", id] as const,
      queryFn: () => callData(api.GET("/api/v1/imports/{id}", { params: { path: { id: id! } } })),
      enabled: id !== null,
      refetchInterval: (query) => (importFinished(query.state.data) ? false : 1_000),
    }),
  mappings: (kind: ImportKind) =>
    queryOptions({
      queryKey: [...imports, "mappings", kind] as const,
      queryFn: () => callData(api.GET("/api/v1/import-mappings", { params: { query: { kind } } })),
    }),
};

/**
 * Uploads the file to be inspected, reporting the share sent (0…1). Resolves with how the file
 * reads; rejects with an ApiError (code `network` when the server could not be reached).
 */
export function inspectUpload(
  file: File,
  kind: ImportKind | null,
  onProgress: (share: number) => void,
  signal?: AbortSignal,
): Promise<Inspection> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/imports/inspect");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300)
        resolve((xhr.response as { data: Inspection }).data);
      else reject(ApiError.from(xhr.status, xhr.response));
    };
    xhr.onerror = () => reject(new ApiError("network", 0, "The server could not be reached."));
    xhr.onabort = () => reject(new DOMException("Aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort());
    const form = new FormData();
    if (kind) form.set("kind", kind);
    form.set("file", file);
    xhr.send(form);
  });
}

function formData(fields: Record<string, string | undefined>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.set(k, v);
  return form;
}

/** Starts a dry run or the import of an inspected upload; the job runs it. */
export function startImport(input: {
  uploadId: string;
  kind: ImportKind;
  mapping: ImportMapping;
  dryRun: boolean;
}): Promise<ImportView> {
  const body = {
    uploadId: input.uploadId,
    kind: input.kind,
    mapping: JSON.stringify(input.mapping),
    dryRun: input.dryRun ? ("true" as const) : ("false" as const),
  };
  return callData(
    api.POST("/api/v1/imports", {
      body,
      bodySerializer: (b) => formData(b as Record<string, string>),
    }),
  );
}

export const cancelImport = (id: string) =>
  callData(api.POST("/api/v1/imports/{id}/cancel", { params: { path: { id } } }));

export const saveMapping = (name: string, kind: ImportKind, mapping: ImportMapping) =>
  callData(api.POST("/api/v1/import-mappings", { body: { name, kind, mapping } }));

export const deleteMapping = (id: string) =>
  call(api.DELETE("/api/v1/import-mappings/{id}", { params: { path: { id } } }));

/** Where the failed rows of an import download from. */
export const failedRowsHref = (id: string) => `/api/v1/imports/${id}/failed.csv`;
