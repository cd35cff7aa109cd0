"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/use-confirm";
import { setIncludedAttributes, type PredictiveSummary } from "@/lib/client/queries/reports";
import { attributeLabel } from "./feature-label";
import { useFormat } from "./format";

type Flagged = NonNullable<PredictiveSummary["flagged"]>[number];

/**
 * The leakage guard's findings in plain words, and for a manager a button per attribute to include
 * it knowingly (after a confirm saying what it risks) or to leave it out again; either way the
 * choice is saved and the score retrained as a job (`retrain`).
 */
export function FlaggedAttributes({
  flagged,
  canInclude,
  busy,
  retrain,
}: {
  flagged: Flagged[];
  canInclude: boolean;
  busy: boolean;
  retrain: () => void;
}) {
  const t = useTranslations("reports.predictive");
  const tp = useTranslations("prediction");
  const f = useFormat();
  const label = (a: Flagged) => attributeLabel(tp, a.field, a.label);
  const [confirm, dialog] = useConfirm();
  const save = useMutation({ mutationFn: setIncludedAttributes, onSuccess: () => retrain() });
  const reasons = (a: Flagged) =>
    a.reasons
      .map((r) =>
        r.code === "set_after_handoff"
          ? t("reason_set_after_handoff", { share: f.pct(r.share) })
          : t("reason_separates_outcome", { auc: f.dec(r.auc) }),
      )
      .join("; ");
  const included = flagged.filter((a) => a.included).map((a) => a.field);
  const toggle = async (a: Flagged) => {
    const yes = await confirm(
      a.included
        ? {
            title: t("excludeTitle", { label: label(a) }),
            body: t("excludeBody"),
            action: t("excludeAction"),
          }
        : {
            title: t("includeTitle", { label: label(a) }),
            body: t("includeBody", { reasons: reasons(a) }),
            action: t("includeAction"),
            danger: true,
          },
    );
    if (!yes) return;
    save.mutate(
      a.included ? included.filter((field) => field !== a.field) : [...included, a.field],
    );
  };
  return (
    <div
      className="rounded border border-amber-200 bg-amber-50 p-3 text-sm"
      data-testid="predictive-flagged"
    >
      <p className="font-medium text-amber-900">{t("flaggedTitle")}</p>
      <ul className="mt-2 space-y-2 text-amber-900">
        {flagged.map((a) => (
          <li
            key={a.field}
            className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between"
            data-testid={`flagged-${a.field}`}
          >
            <p className="min-w-0">
              {t.rich("flaggedItem", {
                label: label(a),
                reasons: reasons(a),
                strong: (chunks) => <span className="font-medium">{chunks}</span>,
              })}
              {a.included && (
                <span
                  className="ml-1 inline-block rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium"
                  data-testid="flagged-included"
                >
                  {t("includedKnowingly")}
                </span>
              )}
            </p>
            {canInclude && (
              <Button
                variant="secondary"
                className="shrink-0 self-start"
                onClick={() => void toggle(a)}
                disabled={busy || save.isPending}
                data-testid={a.included ? "flagged-exclude" : "flagged-include"}
              >
                {a.included ? t("excludeButton") : t("includeButton")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {save.error && (
        <p role="alert" className="mt-2 text-rose-700">
          {t("includeFailed", { error: save.error.message })}
        </p>
      )}
      {dialog}
    </div>
  );
}
