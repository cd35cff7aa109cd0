import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { getActor } from "@/lib/auth/session";
import { appNow } from "@/lib/infra/clock";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

export async function resolveLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  // Dates are shown in the signed-in user's own time zone.
  const actor = await getActor().catch(() => null);
  return {
    locale,
    timeZone: actor?.timeZone ?? "Europe/Paris",
    // The app's clock when the page was rendered: the browser hydrates relative times ("3 minutes
    // ago") from the same instant, so server and client render the same text.
    now: appNow(),
    messages: loadMessages(locale),
  };
});
