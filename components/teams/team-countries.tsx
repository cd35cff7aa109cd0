"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { icons } from "@/components/ui/icons";
import { Select } from "@/components/ui/field";
import type { TeamsOverview } from "@/lib/client/queries/settings";
import { errorKey } from "./error-key";
import { useTeamsSettings } from "./teams-context";
import { useSetCountries } from "./use-teams";

type Team = TeamsOverview["teams"][number];

/** A team's countries as chips, and a picker that adds one (taking it from another team if need be). */
export function TeamCountries({ team, allTeams }: { team: Team; allTeams: Team[] }) {
  const t = useTranslations("teams.countries");
  const errors = useTranslations("teams.errors");
  const { editable, countryName, sortedCountries } = useTeamsSettings();
  const id = useId();
  const [choice, setChoice] = useState("");
  const set = useSetCountries(team.id);
  const [moved, setMoved] = useState<string | null>(null);
  const owner = new Map(
    allTeams.flatMap((other) => other.countries.map((c) => [c, other] as const)),
  );
  const free = sortedCountries.filter((c) => !owner.has(c.code));
  const order = new Map(sortedCountries.map((c, i) => [c.code, i]));
  const chips = [...team.countries].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999));
  const elsewhere = sortedCountries.filter(
    (c) => owner.has(c.code) && owner.get(c.code)!.id !== team.id,
  );

  const save = (countries: string[]) => {
    setMoved(null);
    set.mutate(countries, {
      onSuccess: (result) => {
        const from = new Map<string, string[]>();
        for (const m of result.moved)
          from.set(m.fromTeamName, [...(from.get(m.fromTeamName) ?? []), countryName(m.country)]);
        const lines = [...from].map(([name, list]) =>
          t("moved", {
            countries: list.join(", "),
            from: name,
            team: team.name,
            count: list.length,
          }),
        );
        setMoved(lines.join(" ") || null);
      },
    });
  };
  const add = () => {
    if (!choice) return;
    save([...team.countries, choice]);
    setChoice("");
  };

  return (
    <div>
      <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("title")}</h4>
      {team.countries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul
          className="mt-2 flex flex-wrap gap-2"
          aria-label={t("listOf", { team: team.name })}
          data-testid="team-countries"
        >
          {chips.map((code) => (
            <li
              key={code}
              className="inline-flex min-h-8 items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-3 text-sm text-brand-900 ring-1 ring-brand-200 ring-inset"
            >
              <span>{countryName(code)}</span>
              {editable ? (
                <button
                  type="button"
                  className="inline-flex size-7 items-center justify-center rounded-full text-brand-700 hover:bg-brand-100"
                  aria-label={t("remove", { country: countryName(code), team: team.name })}
                  onClick={() => save(team.countries.filter((c) => c !== code))}
                >
                  <icons.close width={14} height={14} />
                </button>
              ) : (
                <span className="pr-2" />
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          className="mt-3 flex max-w-md gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <label htmlFor={`${id}-add`} className="sr-only">
            {t("addTo", { team: team.name })}
          </label>
          <Select
            id={`${id}-add`}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            className="min-w-0 flex-1"
          >
            <option value="">{t("choose")}</option>
            <optgroup label={t("free")}>
              {free.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </optgroup>
            {elsewhere.length > 0 && (
              <optgroup label={t("elsewhere")}>
                {elsewhere.map((c) => (
                  <option key={c.code} value={c.code}>
                    {t("takenBy", { country: c.name, team: owner.get(c.code)!.name })}
                  </option>
                ))}
              </optgroup>
            )}
          </Select>
          <Button type="submit" variant="secondary" disabled={!choice}>
            {t("add")}
          </Button>
        </form>
      )}
      {moved && (
        <p className="mt-2 text-sm text-emerald-800" role="status">
          {moved}
        </p>
      )}
      {set.isError && (
        <p className="mt-2 text-sm text-rose-700" role="alert">
          {errors(errorKey(set.error), { max: 1000 })}
        </p>
      )}
    </div>
  );
}
