import { useTranslations } from "next-intl";
import { Fragment } from "react";

type Bant = { budget: string; authority: string; need: string; timeframe: string };

const KEYS = ["budget", "authority", "need", "timeframe"] as const;

/** What the rep learned on accepting the lead (seed 004), as they typed it. */
export function BantAnswers({ bant }: { bant: Bant }) {
  const t = useTranslations("inbox.dialogs.bant");
  return (
    <dl
      className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm"
      data-testid="bant-answers"
    >
      {KEYS.map((key) => (
        <Fragment key={key}>
          <dt className="font-medium text-slate-600">{t(key)}</dt>
          <dd className="break-words text-slate-900">{bant[key]}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
