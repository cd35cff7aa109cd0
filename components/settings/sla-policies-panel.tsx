"use client";

/**
 * "SLA policies" in Settings: the ordered tiers edited as one draft and saved together (the API
 * replaces the whole list). The cache shows the saved list at once and is rolled back if the
 * server refuses; the draft stays on screen after a failure so nothing typed is lost.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { savePolicies, slaPolicyQueries, type SlaPolicy } from "@/lib/client/queries/settings";
import { errorKey } from "./error-key";
import {
  blankTier,
  hasErrors,
  move,
  toDraft,
  toInput,
  validateTiers,
  type TierDraft,
} from "./sla-draft";
import { SlaTierRow } from "./sla-tier-row";

export function SlaPoliciesPanel({
  initial,
  editable,
}: {
  initial: SlaPolicy[];
  editable: boolean;
}) {
  const t = useTranslations("salesSettings");
  const client = useQueryClient();
  const list = slaPolicyQueries.list();
  const saved = useQuery({ ...list, initialData: initial }).data;
  const [draft, setDraft] = useState<TierDraft[] | null>(null);
  const tiers = useMemo(() => draft ?? saved.map(toDraft), [draft, saved]);
  const [showErrors, setShowErrors] = useState(false);
  const focus = useRef<string | null>(null);
  const errors = useMemo(() => validateTiers(tiers), [tiers]);

  const save = useMutation({
    mutationFn: savePolicies,
    onMutate: async () => {
      await client.cancelQueries({ queryKey: list.queryKey });
      return { previous: client.getQueryData<SlaPolicy[]>(list.queryKey) };
    },
    onSuccess: (policies) => {
      client.setQueryData(list.queryKey, policies);
      setDraft(null);
      setShowErrors(false);
    },
    onError: (_e, _input, context) =>
      context?.previous && client.setQueryData(list.queryKey, context.previous),
    onSettled: () => client.invalidateQueries({ queryKey: slaPolicyQueries.all }),
  });

  // Keeps the keyboard on the button that moved a tier, wherever the tier went.
  // (At the top or bottom the button is disabled, so its opposite takes the focus.)
  useEffect(() => {
    const target = focus.current;
    if (!target) return;
    focus.current = null;
    const el = document.querySelector<HTMLButtonElement>(`[data-move="${target}"]`);
    if (el && !el.disabled) el.focus();
    else
      document
        .querySelector<HTMLButtonElement>(
          `[data-move="${target.startsWith("up") ? target.replace("up", "down") : target.replace("down", "up")}"]`,
        )
        ?.focus();
  });

  const edit = (next: TierDraft[]) => {
    setDraft(next);
    if (save.isSuccess || save.isError) save.reset();
  };
  const dirty = draft !== null;

  return (
    <Card aria-labelledby="sla-heading" data-testid="sla-panel">
      <CardHeader
        id="sla-heading"
        title={t("sla.title")}
        action={
          !editable ? (
            <Badge tone="slate">{t("sla.readOnly")}</Badge>
          ) : dirty ? (
            <Badge tone="amber">{t("sla.unsaved")}</Badge>
          ) : null
        }
      />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (hasErrors(errors)) return setShowErrors(true);
          save.mutate(toInput(tiers));
        }}
      >
        <p className="max-w-3xl px-4 pt-4 text-sm text-slate-600 sm:px-5">{t("sla.intro")}</p>
        <ol aria-label={t("sla.tiersLabel")} className="mt-2">
          {tiers.map((tier, i) => (
            <SlaTierRow
              key={tier.key}
              tier={tier}
              index={i}
              count={tiers.length}
              errors={errors[i]}
              showErrors={showErrors}
              editable={editable}
              onChange={(patch) =>
                edit(tiers.map((x) => (x.key === tier.key ? { ...x, ...patch } : x)))
              }
              onMove={(by) => {
                edit(move(tiers, i, by));
                focus.current = `${by < 0 ? "up" : "down"}-${tier.key}`;
              }}
              onRemove={() => edit(tiers.filter((x) => x.key !== tier.key))}
            />
          ))}
        </ol>
        {editable && (
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 px-4 py-3 sm:px-5">
            <Button
              variant="secondary"
              onClick={() => edit([...tiers.slice(0, -1), blankTier(), ...tiers.slice(-1)])}
              disabled={tiers.length >= 20}
            >
              {t("sla.add")}
            </Button>
            <div className="ml-auto flex flex-wrap items-center gap-3">
              {dirty && (
                <Button
                  variant="ghost"
                  onClick={() => {
                    setDraft(null);
                    setShowErrors(false);
                    save.reset();
                  }}
                >
                  {t("sla.discard")}
                </Button>
              )}
              <Button type="submit" disabled={save.isPending || !dirty}>
                {save.isPending ? t("sla.saving") : t("sla.save")}
              </Button>
            </div>
            <div className="basis-full empty:hidden" aria-live="polite">
              {showErrors && hasErrors(errors) && (
                <p role="alert" className="text-sm text-rose-700">
                  {t("sla.fixErrors")}
                </p>
              )}
              {save.isError && (
                <p role="alert" className="text-sm text-rose-700">
                  {t(`errors.${errorKey(save.error)}`)}
                </p>
              )}
              {save.isSuccess && !dirty && (
                <p role="status" className="text-sm text-emerald-700">
                  {t("sla.saved")}
                </p>
              )}
            </div>
          </div>
        )}
      </form>
    </Card>
  );
}
