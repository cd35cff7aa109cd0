"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Reason } from "@/lib/client/queries/settings";
import { AddReasonForm } from "./add-reason-form";
import { reasonLabel, ReasonRow } from "./reason-row";
import { errorKey } from "./error-key";
import { useCreateReason, useRemoveReason, useUpdateReason } from "./use-reasons";

type Kind = Reason["kind"];

/** One of the two lists: active reasons in order, an add form, the archived ones folded away. */
export function ReasonList({
  kind,
  reasons,
  editable,
}: {
  kind: Kind;
  reasons: Reason[];
  editable: boolean;
}) {
  const t = useTranslations("salesSettings");
  const locale = useLocale();
  const format = useFormatter();
  const update = useUpdateReason();
  const remove = useRemoveReason();
  const create = useCreateReason();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const focus = useRef<string | null>(null);
  const active = reasons.filter((r) => !r.archived).sort((a, b) => a.position - b.position);
  const archived = reasons.filter((r) => r.archived).sort((a, b) => a.position - b.position);
  const headingId = `reasons-${kind}`;
  const failure =
    update.error ??
    remove.error ??
    (create.error && errorKey(create.error) !== "codeTaken" ? create.error : null);

  // Keeps the keyboard on the moved reason's button (the row's DOM node moved, which drops focus).
  useEffect(() => {
    const target = focus.current;
    if (!target) return;
    focus.current = null;
    const [dir, id] = target.split("-");
    const el = document.querySelector<HTMLButtonElement>(`[data-move="${target}"]`);
    if (el && !el.disabled) el.focus();
    else
      document
        .querySelector<HTMLButtonElement>(`[data-move="${dir === "up" ? "down" : "up"}-${id}"]`)
        ?.focus();
  });

  const moveBy = (reason: Reason, index: number, by: -1 | 1) => {
    const neighbour = active[index + by];
    if (!neighbour) return;
    setNotice(null);
    update.mutate({ id: reason.id, patch: { position: neighbour.position } });
    focus.current = `${by < 0 ? "up" : "down"}-${reason.id}`;
  };

  return (
    <section
      aria-labelledby={headingId}
      className="border-t border-slate-200"
      data-testid={`reasons-${kind}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 px-4 pt-4 sm:px-5">
        <div>
          <h3 id={headingId} className="text-base font-semibold text-slate-900">
            {t(`reasons.${kind}`)}
          </h3>
          <p className="mt-0.5 text-sm text-slate-600">{t(`reasons.${kind}Hint`)}</p>
        </div>
        {editable && !adding && (
          <Button
            variant="secondary"
            className="min-h-9 px-3 py-1.5"
            aria-label={t("reasons.addTo", { kind: t(`reasons.kinds.${kind}`) })}
            onClick={() => setAdding(true)}
          >
            {t("reasons.add")}
          </Button>
        )}
      </div>
      {(notice || failure) && (
        <div className="px-4 pt-3 sm:px-5" aria-live="polite">
          {failure ? (
            <p role="alert" className="text-sm text-rose-700">
              {t(`errors.${errorKey(failure)}`)}
            </p>
          ) : (
            <p role="status" className="text-sm text-emerald-700">
              {notice}
            </p>
          )}
        </div>
      )}
      {adding && (
        <div className="px-4 pt-3 sm:px-5">
          <AddReasonForm
            kind={kind}
            pending={create.isPending}
            serverError={
              create.error && errorKey(create.error) === "codeTaken"
                ? t("errors.codeTaken")
                : undefined
            }
            onCancel={() => {
              create.reset();
              setAdding(false);
            }}
            onAdd={(input, done) =>
              create.mutate(input, {
                onSuccess: (saved) => {
                  done();
                  setAdding(false);
                  setNotice(t("reasons.added", { label: reasonLabel(saved, locale) }));
                },
              })
            }
          />
        </div>
      )}
      {active.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600 sm:px-5">{t("reasons.empty")}</p>
      ) : (
        <ol
          aria-label={t("reasons.listOf", { kind: t(`reasons.kinds.${kind}`) })}
          className="mt-3 divide-y divide-slate-100 border-t border-slate-100"
        >
          {active.map((reason, i) => (
            <ReasonRow
              key={reason.id}
              reason={reason}
              first={i === 0}
              last={i === active.length - 1}
              editable={editable}
              pending={update.isPending}
              onMove={(by) => moveBy(reason, i, by)}
              onRelabel={(labels, done) => {
                setNotice(null);
                update.mutate({ id: reason.id, patch: { labels } }, { onSuccess: done });
              }}
              onRemove={() => {
                setNotice(null);
                remove.mutate(reason, {
                  onSuccess: (result) =>
                    setNotice(
                      t(result.deleted ? "reasons.deleted" : "reasons.archivedDone", {
                        label: reasonLabel(reason, locale),
                      }),
                    ),
                });
              }}
            />
          ))}
        </ol>
      )}
      {archived.length > 0 && (
        <details
          className="group border-t border-slate-100 px-4 py-3 sm:px-5"
          data-testid={`archived-${kind}`}
        >
          <summary className="min-h-8 cursor-pointer text-sm font-medium text-slate-700 select-none">
            {t("reasons.archived", { count: archived.length })}
          </summary>
          <ul
            aria-label={t("reasons.archived", { count: archived.length })}
            className="mt-2 divide-y divide-slate-100"
          >
            {archived.map((reason) => {
              const label = reasonLabel(reason, locale);
              return (
                <li
                  key={reason.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-2"
                  data-testid="archived-reason"
                  data-code={reason.code}
                >
                  <div className="min-w-0">
                    <p className="text-sm text-slate-700">{label}</p>
                    <p className="text-xs text-slate-500">
                      <code>{reason.code}</code>
                      {reason.archivedAt && (
                        <>
                          {" "}
                          ·{" "}
                          {t("reasons.archivedOn", {
                            date: format.dateTime(new Date(reason.archivedAt), {
                              dateStyle: "medium",
                            }),
                          })}
                        </>
                      )}
                    </p>
                  </div>
                  {editable && (
                    <Button
                      variant="secondary"
                      className="min-h-9 px-3 py-1.5"
                      aria-label={t("reasons.restoreOf", { label })}
                      onClick={() => {
                        setNotice(null);
                        update.mutate(
                          { id: reason.id, patch: { archived: false } },
                          { onSuccess: () => setNotice(t("reasons.restored", { label })) },
                        );
                      }}
                    >
                      {t("reasons.restore")}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <div className="h-4" />
    </section>
  );
}
