/** Locale-aware display names for codes stored in the database. */
const cache = new Map<string, Intl.DisplayNames>();

export function countryName(code: string | null | undefined, locale: string): string | null {
  if (!code) return null;
  let names = cache.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region" });
    cache.set(locale, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function fullName(lead: {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}): string {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ").trim();
  return name || lead.email || "—";
}
