"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import {
  importQueries,
  saveMapping,
  type ImportMapping,
  type SavedMapping,
} from "@/lib/client/queries/imports";
import { useApiErrorText } from "@/lib/client/use-api-error";
import type { ImportKind } from "@/lib/shared/imports";

/** Reuse a saved mapping, or save this one under a name (the same name replaces it). */
export function SavedMappings({
  kind,
  mapping,
  onApply,
}: {
  kind: ImportKind;
  mapping: ImportMapping;
  onApply: (saved: SavedMapping) => void;
}) {
  const t = useTranslations("import.saved");
  const errorText = useApiErrorText();
  const client = useQueryClient();
  const list = useQuery(importQueries.mappings(kind));
  const [chosen, setChosen] = useState("");
  const [name, setName] = useState("");
  const save = useMutation({
    mutationFn: () => saveMapping(name.trim(), kind, mapping),
    onSuccess: () => {
      setName("");
      return client.invalidateQueries({ queryKey: importQueries.mappings(kind).queryKey });
    },
  });
  const saved = list.data ?? [];
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="saved-mappings">
      <div className="flex min-w-0 gap-2">
        <Select
          aria-label={t("choose")}
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          disabled={saved.length === 0}
          data-testid="saved-mapping-select"
        >
          <option value="">
            {list.isLoading ? t("loading") : saved.length ? t("choose") : t("none")}
          </option>
          {saved.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
        <Button
          variant="secondary"
          disabled={!chosen}
          onClick={() => {
            const m = saved.find((s) => s.id === chosen);
            if (m) onApply(m);
          }}
        >
          {t("apply")}
        </Button>
      </div>
      <form
        className="flex min-w-0 gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) save.mutate();
        }}
      >
        <Input
          aria-label={t("name")}
          placeholder={t("name")}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          data-testid="saved-mapping-name"
        />
        <Button type="submit" variant="secondary" disabled={!name.trim() || save.isPending}>
          {t("save")}
        </Button>
      </form>
      {save.isSuccess && (
        <p role="status" className="text-sm text-emerald-700 sm:col-span-2">
          {t("saved")}
        </p>
      )}
      {(save.error || list.error) && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-2">
          {errorText(save.error ?? list.error)}
        </p>
      )}
    </div>
  );
}
