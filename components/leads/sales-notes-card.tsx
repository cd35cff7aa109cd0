import { useFormatter, useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import type { DecisionView } from "@/lib/domain/decisions/record-decision";
import type { TouchView } from "@/lib/domain/decisions/log-touch";
import { BantAnswers } from "./bant-answers";

/**
 * What sales wrote about the lead: the BANT of its latest acceptance and every note typed on a
 * touch or a decision, newest first. Nothing is shown until someone has written something.
 */
export function SalesNotesCard({
  decisions,
  touches,
}: {
  decisions: DecisionView[];
  touches: TouchView[];
}) {
  const t = useTranslations("lead.salesNotes");
  const dialogs = useTranslations("inbox.dialogs");
  const kinds = useTranslations("inbox.pane.kinds");
  const format = useFormatter();
  const accepted = decisions.find((d) => d.kind === "accept" && d.bant);
  const notes = [
    ...touches.flatMap((x) =>
      x.note
        ? [
            {
              key: `t${x.id}`,
              at: x.at,
              what: `${dialogs(`channels.${x.channel}`)} · ${dialogs(`outcomes.${x.outcome}`)}`,
              note: x.note,
            },
          ]
        : [],
    ),
    ...decisions.flatMap((d) =>
      d.note ? [{ key: `d${d.id}`, at: d.at, what: kinds(d.kind), note: d.note }] : [],
    ),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (!accepted?.bant && !notes.length) return null;
  return (
    <Card aria-labelledby="sales-notes-heading" data-testid="sales-notes">
      <CardHeader id="sales-notes-heading" title={t("title")} />
      <div className="space-y-4 px-4 py-3 sm:px-5">
        {accepted?.bant && (
          <section aria-labelledby="bant-heading">
            <h3 id="bant-heading" className="mb-1.5 text-sm font-medium text-slate-700">
              {t("bant")}
            </h3>
            <BantAnswers bant={accepted.bant} />
          </section>
        )}
        {notes.length > 0 && (
          <section aria-labelledby="notes-heading">
            <h3 id="notes-heading" className="mb-1.5 text-sm font-medium text-slate-700">
              {t("notes")}
            </h3>
            <ul className="space-y-2 text-sm">
              {notes.map((n) => (
                <li key={n.key}>
                  <p className="text-xs text-slate-600">
                    <time dateTime={n.at}>
                      {format.dateTime(new Date(n.at), { dateStyle: "medium", timeStyle: "short" })}
                    </time>{" "}
                    · {n.what}
                  </p>
                  <blockquote className="border-l-2 border-slate-300 pl-2 text-slate-900">
                    {n.note}
                  </blockquote>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Card>
  );
}
