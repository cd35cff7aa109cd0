"use client";

import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/client/api";

const KNOWN = ["name", "email", "role", "teamId", "timeZone", "capacity", "password"] as const;
export type UserField = (typeof KNOWN)[number];

/** The translated message for each field the server refused (a taken email says so). */
export function useUserFieldErrors(error: unknown): Partial<Record<UserField, string>> {
  const t = useTranslations("users.errors");
  if (!(error instanceof ApiError) || !error.fields) return {};
  const out: Partial<Record<UserField, string>> = {};
  for (const key of KNOWN) {
    if (!error.fields[key]) continue;
    out[key] = key === "email" && error.code === "conflict" ? t("emailTaken") : t(key);
  }
  return out;
}
