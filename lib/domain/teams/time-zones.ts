/**
 * Time zones. Any IANA name the runtime knows is accepted; pickers offer a short, fixed list (the
 * same on server and browser, so pages hydrate identically) plus whatever a user already has.
 */
export const COMMON_TIME_ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Lisbon",
  "Europe/Paris",
  "Europe/Brussels",
  "Europe/Amsterdam",
  "Europe/Berlin",
  "Europe/Zurich",
  "Europe/Madrid",
  "Europe/Rome",
  "Europe/Stockholm",
  "Europe/Warsaw",
  "Europe/Athens",
  "Europe/Helsinki",
  "Europe/Istanbul",
  "Africa/Casablanca",
  "Africa/Lagos",
  "Africa/Johannesburg",
  "Africa/Nairobi",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Hong_Kong",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Asia/Seoul",
  "Australia/Perth",
  "Australia/Sydney",
  "Pacific/Auckland",
  "America/Halifax",
  "America/New_York",
  "America/Toronto",
  "America/Chicago",
  "America/Mexico_City",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Vancouver",
  "America/Bogota",
  "America/Lima",
  "America/Santiago",
  "America/Sao_Paulo",
  "America/Argentina/Buenos_Aires",
  "Pacific/Honolulu",
] as const;

export function isTimeZone(value: string): boolean {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The picker's choices: the common list, with `current` added if it is not already there. */
export function timeZoneChoices(...current: string[]): string[] {
  const extra = current.filter((z) => z && !(COMMON_TIME_ZONES as readonly string[]).includes(z));
  return [...new Set([...extra, ...COMMON_TIME_ZONES])];
}

/** "America/New_York" → "America/New York". */
export const zoneName = (zone: string) => zone.replaceAll("_", " ");

/** A picker's short label: the city ("New York"), which is how people know their zone. */
export const zoneLabel = (zone: string) => zoneName(zone.split("/").at(-1) ?? zone);
