"use client";

import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import { SmallField } from "./chart-frame";

export type JudgedModel = "live" | "draft";

/** Which model past handoffs are scored under: the live one or the saved draft. */
export function JudgedModelSelect({
  value,
  onChange,
  testId,
}: {
  value: JudgedModel;
  onChange: (model: JudgedModel) => void;
  testId: string;
}) {
  const t = useTranslations("reports.judged");
  return (
    <SmallField label={t("label")}>
      <Select
        value={value}
        onChange={(e) => onChange(e.target.value === "draft" ? "draft" : "live")}
        data-testid={testId}
      >
        <option value="live">{t("live")}</option>
        <option value="draft">{t("draft")}</option>
      </Select>
    </SmallField>
  );
}
