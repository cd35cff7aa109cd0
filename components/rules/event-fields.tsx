"use client";

import { useLocale, useTranslations } from "next-intl";
import { Field, Input, Select } from "@/components/ui/field";
import { eventLabel } from "./describe-rule";
import { EventConditions } from "./event-conditions";
import { EventWindowFields } from "./event-window-fields";
import type { Counted, PropertySuggestion } from "@/lib/client/queries/scoring";
import type { RuleDraft, RuleErrors } from "./validate-rule";

const OTHER = "__other__";

/** An engagement rule: the event, conditions on its properties, and how occurrences count. */
export function EventFields({
  draft,
  set,
  errors,
  err,
  events,
  eventsLoading,
  properties,
  propertiesLoading,
  customEvent,
  onCustomEvent,
}: {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>) => void;
  errors: RuleErrors;
  err: (key: string) => string | undefined;
  events: Counted[];
  eventsLoading: boolean;
  properties: PropertySuggestion[] | undefined;
  propertiesLoading: boolean;
  /** The event name is typed rather than picked. */
  customEvent: boolean;
  onCustomEvent: (custom: boolean) => void;
}) {
  const t = useTranslations("editor");
  const describe = useTranslations("rules.describe");
  const locale = useLocale();
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const knownEvent = events.some((e) => e.value === draft.event);
  const showEventInput = customEvent || (draft.event !== "" && !knownEvent && !eventsLoading);
  return (
    <div className="space-y-4">
      <Field
        id="rule-event"
        label={t("panel.event")}
        error={err("event")}
        hint={t("panel.eventHint")}
      >
        <Select
          id="rule-event"
          value={showEventInput ? OTHER : draft.event}
          onChange={(e) => {
            const v = e.target.value;
            onCustomEvent(v === OTHER);
            set({ event: v === OTHER ? "" : v, where: [] });
          }}
          aria-invalid={errors.event ? true : undefined}
        >
          <option value="">{eventsLoading ? t("panel.loading") : t("panel.chooseEvent")}</option>
          {events.map((e) => (
            <option key={e.value} value={e.value}>
              {t("panel.eventOption", {
                label: eventLabel(describe, e.value),
                name: e.value,
                count: number(e.count),
              })}
            </option>
          ))}
          <option value={OTHER}>{t("panel.otherEvent")}</option>
        </Select>
      </Field>
      {showEventInput && (
        <Field id="rule-event-name" label={t("panel.eventName")}>
          <Input
            id="rule-event-name"
            value={draft.event}
            onChange={(e) => set({ event: e.target.value })}
          />
        </Field>
      )}
      <EventConditions
        draft={draft}
        set={set}
        errors={errors}
        err={err}
        properties={properties}
        propertiesLoading={propertiesLoading}
      />
      <EventWindowFields draft={draft} set={set} err={err} />
    </div>
  );
}
