"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useMemo, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { diffModels } from "@/lib/domain/scoring/diff";
import { scoringModelSchema, type ScoringModel } from "@/lib/domain/scoring/model";
import {
  scoringQueries,
  type Draft,
  type VersionDoc,
  type VersionSummary,
} from "@/lib/client/queries/scoring";
import { RuleChanges } from "./rule-changes";
import { SettingChanges } from "./setting-changes";
import type { Side } from "./sides";

type Loaded =
  | { state: "loading" | "error" | "invalid"; retry: () => void }
  | { state: "ready"; model: ScoringModel };

function useSideModel(
  side: Side,
  initial: { docs: Record<number, VersionDoc>; draft: Draft | null },
): Loaded {
  const version = useQuery({
    ...scoringQueries.version(side === "draft" ? 0 : side),
    enabled: side !== "draft",
    initialData: side === "draft" ? undefined : initial.docs[side],
  });
  const draft = useQuery({
    ...scoringQueries.draft(),
    enabled: side === "draft",
    initialData: initial.draft ?? undefined,
  });
  const query = side === "draft" ? draft : version;
  const parsed = useMemo(
    () => (side === "draft" && draft.data ? scoringModelSchema.safeParse(draft.data.model) : null),
    [side, draft.data],
  );
  if (query.isError) return { state: "error", retry: () => query.refetch() };
  if (side === "draft") {
    if (!parsed) return { state: "loading", retry: () => {} };
    return parsed.success
      ? { state: "ready", model: parsed.data }
      : { state: "invalid", retry: () => {} };
  }
  return version.data
    ? { state: "ready", model: version.data.model }
    : { state: "loading", retry: () => {} };
}

function Message({ children, role }: { children: ReactNode; role?: "alert" | "status" }) {
  return (
    <div
      role={role}
      className="px-4 py-10 text-center text-sm text-slate-600 sm:px-5"
      data-testid="compare-message"
    >
      {children}
    </div>
  );
}

function Diff({ before, after }: { before: ScoringModel; after: ScoringModel }) {
  const t = useTranslations("history.compare");
  const diff = useMemo(() => diffModels(before, after), [before, after]);
  if (diff.same) return <Message role="status">{t("same")}</Message>;
  const { rules } = diff;
  const h3 =
    "bg-slate-50 px-4 py-2 text-xs font-semibold tracking-wide text-slate-500 uppercase sm:px-5";
  return (
    <div data-testid="model-diff">
      <p className="px-4 py-3 text-sm text-slate-700 sm:px-5" data-testid="diff-summary">
        {t("summary", {
          changed: rules.changed.length,
          added: rules.added.length,
          removed: rules.removed.length,
          unchanged: rules.unchanged,
        })}
      </p>
      {diff.settings.length > 0 && (
        <section aria-labelledby="diff-settings">
          <h3 id="diff-settings" className={h3}>
            {t("settings")}
          </h3>
          <div className="px-4 sm:px-5">
            <SettingChanges changes={diff.settings} />
          </div>
        </section>
      )}
      {rules.changed.length + rules.added.length + rules.removed.length > 0 && (
        <section aria-labelledby="diff-rules">
          <h3 id="diff-rules" className={h3}>
            {t("rules")}
          </h3>
          <RuleChanges rules={rules} />
        </section>
      )}
    </div>
  );
}

export function ComparePanel({
  versions,
  hasDraft,
  from,
  to,
  onChange,
  initial,
}: {
  versions: VersionSummary[];
  hasDraft: boolean;
  from: Side;
  to: Side;
  onChange: (from: Side, to: Side) => void;
  initial: { docs: Record<number, VersionDoc>; draft: Draft | null };
}) {
  const t = useTranslations("history.compare");
  const format = useFormatter();
  const ids = { from: useId(), to: useId() };
  const before = useSideModel(from, initial);
  const after = useSideModel(to, initial);
  const options = [
    ...(hasDraft ? [{ value: "draft", label: t("draftOption") }] : []),
    ...versions.map((v, i) => {
      const values = {
        version: v.version,
        date: format.dateTime(new Date(v.publishedAt), { dateStyle: "medium" }),
      };
      return {
        value: String(v.version),
        label: i === 0 ? t("activeOption", values) : t("versionOption", values),
      };
    }),
  ];
  const side = (value: string): Side => (value === "draft" ? "draft" : Number(value));
  const select = (which: "from" | "to") => (
    <Field id={ids[which]} label={t(which === "from" ? "before" : "after")} className="min-w-0">
      <Select
        id={ids[which]}
        value={String(which === "from" ? from : to)}
        onChange={(e) =>
          which === "from"
            ? onChange(side(e.target.value), to)
            : onChange(from, side(e.target.value))
        }
        data-testid={`compare-${which}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );

  let body: ReactNode;
  if (from === to) body = <Message>{t("sameSide")}</Message>;
  else if (before.state === "error" || after.state === "error")
    body = (
      <Message role="alert">
        <p className="text-rose-700">{t("error")}</p>
        <Button
          variant="secondary"
          className="mt-3"
          onClick={() => [before, after].forEach((s) => s.state === "error" && s.retry())}
        >
          {t("retry")}
        </Button>
      </Message>
    );
  else if (before.state === "invalid" || after.state === "invalid")
    body = (
      <Message>
        {t("invalidDraft")}{" "}
        <Link href="/rules" className="font-medium text-brand-700 underline">
          {t("openEditor")}
        </Link>
      </Message>
    );
  else if (before.state === "ready" && after.state === "ready")
    body = <Diff before={before.model} after={after.model} />;
  else
    body = (
      <div aria-busy="true" className="space-y-3 px-4 py-6 sm:px-5">
        <p className="sr-only">{t("loading")}</p>
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-12 animate-pulse rounded-lg bg-slate-100" />
        ))}
      </div>
    );

  return (
    <Card aria-labelledby="compare-heading" data-testid="compare-panel">
      <CardHeader id="compare-heading" title={t("title")} />
      <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-2 gap-y-3 border-b border-slate-100 px-4 py-3 sm:grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] sm:px-5">
        {select("from")}
        <Button
          variant="ghost"
          className="row-span-2 self-center px-3 sm:row-span-1 sm:self-end"
          onClick={() => onChange(to, from)}
          aria-label={t("swap")}
          title={t("swap")}
        >
          <span aria-hidden className="inline-block rotate-90 sm:rotate-0">
            ⇄
          </span>
        </Button>
        <div className="col-start-1 sm:col-start-3 sm:row-start-1">{select("to")}</div>
      </div>
      {body}
    </Card>
  );
}
