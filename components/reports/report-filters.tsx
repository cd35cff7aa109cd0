"use client";

import { useTranslations } from "next-intl";
import { Input, Select } from "@/components/ui/field";
import { SmallField } from "./chart-frame";
import type { Filters } from "./filters";

export type Option = { id: string; name: string; teamId?: string | null };

const PRESETS = [
  { key: "weeks12", days: 84 },
  { key: "months6", days: 182 },
  { key: "months12", days: 365 },
  { key: "all", days: null },
] as const;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Period (presets or dates), team, rep and cohort grain; every change lands in the URL. */
export function ReportFilters({
  filters,
  onChange,
  teams,
  reps,
  today,
}: {
  filters: Filters;
  onChange: (f: Filters) => void;
  teams: Option[];
  reps: Option[];
  today: string;
}) {
  const t = useTranslations("reports.filters");
  const visibleReps = filters.team ? reps.filter((r) => r.teamId === filters.team) : reps;
  const invalid = filters.from && filters.to && filters.from > filters.to;
  return (
    <div
      className="mb-5 space-y-2 rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:p-4"
      role="search"
      aria-label={t("label")}
    >
      <div className="flex flex-wrap gap-1" role="group" aria-label={t("period")}>
        {PRESETS.map((p) => {
          const from =
            p.days === null
              ? ""
              : isoDay(new Date(new Date(`${today}T00:00:00Z`).getTime() - p.days * 86_400_000));
          const active = filters.from === from && filters.to === "";
          return (
            <button
              key={p.key}
              type="button"
              aria-pressed={active}
              onClick={() => onChange({ ...filters, from, to: "" })}
              className={`min-h-9 rounded-full px-3 text-sm ring-1 ring-inset ${active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
              data-testid={`preset-${p.key}`}
            >
              {t(`preset.${p.key}`)}
            </button>
          );
        })}
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <SmallField label={t("from")}>
          <Input
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => onChange({ ...filters, from: e.target.value })}
            aria-invalid={Boolean(invalid)}
            data-testid="filter-from"
          />
        </SmallField>
        <SmallField label={t("to")}>
          <Input
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => onChange({ ...filters, to: e.target.value })}
            aria-invalid={Boolean(invalid)}
            data-testid="filter-to"
          />
        </SmallField>
        <SmallField label={t("team")}>
          <Select
            value={filters.team}
            onChange={(e) => onChange({ ...filters, team: e.target.value, rep: "" })}
            data-testid="filter-team"
          >
            <option value="">{t("allTeams")}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </Select>
        </SmallField>
        <SmallField label={t("rep")}>
          <Select
            value={filters.rep}
            onChange={(e) => onChange({ ...filters, rep: e.target.value })}
            data-testid="filter-rep"
          >
            <option value="">{t("allReps")}</option>
            {visibleReps.map((rep) => (
              <option key={rep.id} value={rep.id}>
                {rep.name}
              </option>
            ))}
          </Select>
        </SmallField>
        <SmallField label={t("grain")}>
          <Select
            value={filters.grain}
            onChange={(e) => onChange({ ...filters, grain: e.target.value as Filters["grain"] })}
            data-testid="filter-grain"
          >
            <option value="week">{t("week")}</option>
            <option value="month">{t("month")}</option>
          </Select>
        </SmallField>
      </div>
      {invalid && (
        <p role="alert" className="text-sm text-rose-700">
          {t("invalidPeriod")}
        </p>
      )}
    </div>
  );
}
