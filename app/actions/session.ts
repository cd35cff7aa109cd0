"use server";

import { cookies } from "next/headers";
import { signOut } from "@/lib/auth/config";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

/** Remembers the UI language for a year; the caller refreshes the page. */
export async function setLocaleAction(locale: string): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
  });
  return { ok: true };
}
