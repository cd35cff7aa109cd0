"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRef } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { icons } from "@/components/ui/icons";
import { LIFECYCLE_STAGES } from "@/lib/shared/vocabulary";
import { LEAD_SORTS } from "@/lib/domain/leads/constants";

type Owner = { id: string; name: string; team: string | null };

/** A plain GET form (works without JavaScript); selects submit as soon as they change. */
export function LeadFilters({
  values,
  owners,
  showOwner,
}: {
  values: { q?: string; stage?: string; owner?: string; sort?: string };
  owners: Owner[];
  showOwner: boolean;
}) {
  const t = useTranslations();
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <form
      ref={form}
      method="get"
      role="search"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(10rem,1fr))_auto] lg:items-end"
    >
      <Field id="q" label={t("leads.search")}>
        <div className="relative">
          <icons.search
            className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-slate-400"
            width={16}
            height={16}
          />
          <Input
            id="q"
            name="q"
            type="search"
            defaultValue={values.q}
            placeholder={t("leads.searchPlaceholder")}
            className="pl-9"
          />
        </div>
      </Field>
      <Field id="stage" label={t("leads.stage")}>
        <Select id="stage" name="stage" defaultValue={values.stage ?? ""} onChange={submit}>
          <option value="">{t("leads.allStages")}</option>
          {LIFECYCLE_STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`stages.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      {showOwner ? (
        <Field id="owner" label={t("leads.owner")}>
          <Select id="owner" name="owner" defaultValue={values.owner ?? ""} onChange={submit}>
            <option value="">{t("leads.anyOwner")}</option>
            <option value="me">{t("leads.me")}</option>
            <option value="unassigned">{t("leads.unassigned")}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.team ? `${o.name} · ${o.team}` : o.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <div className="hidden lg:block" />
      )}
      <Field id="sort" label={t("leads.sort")}>
        <Select id="sort" name="sort" defaultValue={values.sort ?? "recent"} onChange={submit}>
          {LEAD_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`leads.sorts.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit">{t("common.apply")}</Button>
        <Link
          href="/leads"
          className="inline-flex min-h-10 items-center rounded-md px-3 text-sm font-medium text-slate-600 hover:bg-slate-100"
        >
          {t("common.clear")}
        </Link>
      </div>
    </form>
  );
}
