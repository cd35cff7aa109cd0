"use client";

/**
 * "Team holidays": each team's days off, local dates in the team's time zone (SLA clocks stop on
 * them). The whole list is replaced on each change; it shows at once and rolls back on refusal.
 */
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { setHolidays } from "@/lib/client/queries/settings";
import { zoneLabel } from "@/lib/domain/teams/time-zones";
import { localDate } from "@/lib/domain/time/zoned";
import { errorKey } from "./error-key";

export type TeamHolidays = { id: string; name: string; timeZone: string; holidays: string[] };

function TeamHolidaysRow({ team, now }: { team: TeamHolidays; now: string }) {
  const t = useTranslations("salesSettings");
  const format = useFormatter();
  const id = useId();
  const [dates, setDates] = useState(team.holidays);
  const [problem, setProblem] = useState<string | null>(null);
  const today = localDate(new Date(now), team.timeZone).iso;
  const save = useMutation({
    scope: { id: `holidays-${team.id}` },
    mutationFn: (next: string[]) => setHolidays(team.id, next),
    onMutate: (next) => {
      const previous = dates;
      setDates([...new Set(next)].sort());
      return { previous };
    },
    onSuccess: (result) => setDates(result.holidays),
    onError: (_e, _next, context) => context && setDates(context.previous),
  });
  // A local date, not an instant: formatted as that calendar day, whatever the viewer's zone.
  const show = (d: string) =>
    format.dateTime(new Date(`${d}T12:00:00Z`), {
      timeZone: "UTC",
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
    });

  return (
    <section
      aria-labelledby={`${id}-h`}
      className="border-t border-slate-200 px-4 py-4 sm:px-5"
      data-testid="team-holidays"
      data-team={team.name}
    >
      <h3 id={`${id}-h`} className="text-base font-semibold text-slate-900">
        {team.name}
      </h3>
      <p className="mt-0.5 text-sm text-slate-600">
        {t("holidays.teamSummary", { zone: zoneLabel(team.timeZone), count: dates.length })}
      </p>
      {dates.length > 0 && (
        <ul
          aria-label={t("holidays.listOf", { team: team.name })}
          className="mt-3 flex flex-wrap gap-2"
        >
          {dates.map((d) => (
            <li
              key={d}
              className="inline-flex items-center gap-1 rounded-full bg-slate-50 py-0.5 pr-0.5 pl-3 text-sm text-slate-800 ring-1 ring-slate-200 ring-inset"
            >
              <time dateTime={d}>{show(d)}</time>
              {d < today && <Badge tone="slate">{t("holidays.past")}</Badge>}
              <button
                type="button"
                className="inline-flex size-8 items-center justify-center rounded-full text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
                aria-label={t("holidays.remove", { date: show(d), team: team.name })}
                onClick={() => save.mutate(dates.filter((x) => x !== d))}
              >
                <span aria-hidden>×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="mt-3 flex flex-wrap items-start gap-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // Read from the form, not from state: a date typed before hydration still counts.
          const form = e.currentTarget;
          const date = String(new FormData(form).get("date") ?? "");
          if (!date) return setProblem(t("holidays.dateRequired"));
          if (dates.includes(date)) return setProblem(t("holidays.duplicate"));
          setProblem(null);
          save.mutate([...dates, date], { onSuccess: () => form.reset() });
        }}
      >
        <label htmlFor={`${id}-date`} className="sr-only">
          {t("holidays.dateOf", { team: team.name })}
        </label>
        <div className="w-44">
          <Input
            id={`${id}-date`}
            name="date"
            type="date"
            onChange={() => setProblem(null)}
            aria-invalid={problem ? true : undefined}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {t("holidays.add")}
        </Button>
      </form>
      {(problem || save.isError) && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {problem ?? t(`errors.${errorKey(save.error)}`)}
        </p>
      )}
    </section>
  );
}

export function HolidaysPanel({ teams, now }: { teams: TeamHolidays[]; now: string }) {
  const t = useTranslations("salesSettings.holidays");
  if (teams.length === 0) return null;
  return (
    <Card aria-labelledby="holidays-heading" data-testid="holidays-panel">
      <CardHeader id="holidays-heading" title={t("title")} />
      <p className="max-w-3xl px-4 py-4 text-sm text-slate-600 sm:px-5">{t("intro")}</p>
      {teams.map((team) => (
        <TeamHolidaysRow key={team.id} team={team} now={now} />
      ))}
    </Card>
  );
}
