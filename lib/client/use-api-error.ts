"use client";

/**
 * What a person reads when a call fails: a translated sentence for the error's code (never the
 * server's English text alone), then the field messages when the server named fields.
 */
import { useTranslations } from "next-intl";
import { ApiError } from "./api";

export function useApiErrorText() {
  const t = useTranslations("apiErrors");
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return t("internal");
    const fields = error.fields ? Object.values(error.fields).flat() : [];
    return [t(error.code), ...fields].join(" ");
  };
}
