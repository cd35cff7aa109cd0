/**
 * Reading one cell: dates (ISO, or dd/mm/yyyy and mm/dd/yyyy as the person said), numbers
 * (1 234,56 and 1,234.56), yes/no in English and French, countries by ISO code or name (English
 * or French), stages and emails. Each reader answers a value or null (refused); blank cells are
 * handled by the caller.
 */
import { COUNTRY_CODES } from "@/lib/domain/teams/countries";
import type { DateOrder, HistoryStage } from "@/lib/shared/imports";

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED =
  /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

function build(y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date | null {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  if (m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(Date.UTC(y, m - 1, d, h, mi, s, ms));
  // 31/02 rolls over: refused.
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1970 || y > 2100) return null;
  return date;
}

/** A date or date-time; without a time zone, UTC. `order` reads a/b/yyyy (null: refuse them). */
export function parseDate(raw: string, order: DateOrder | null): Date | null {
  const value = raw.trim();
  let m = ISO.exec(value);
  if (m) {
    const base = build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    if (!base) return null;
    const ms = m[7] ? Number(m[7].padEnd(3, "0").slice(0, 3)) : 0;
    let t = base.getTime() + ms;
    if (m[8] && m[8].toUpperCase() !== "Z") {
      const sign = m[8][0] === "-" ? -1 : 1;
      const digits = m[8].slice(1).replace(":", "");
      t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    }
    return new Date(t);
  }
  m = SLASHED.exec(value);
  if (!m) return null;
  let hour = +(m[4] ?? 0);
  if (m[7]) hour = (hour % 12) + (m[7].toUpperCase() === "PM" ? 12 : 0);
  const time = [hour, +(m[5] ?? 0), +(m[6] ?? 0)] as const;
  const [a, b, c] = [+m[1], +m[2], +m[3]];
  if (m[1].length === 4) return build(a, b, c, ...time);
  if (m[3].length !== 4 && m[3].length !== 2) return null;
  if (order === "dmy") return build(c, b, a, ...time);
  if (order === "mdy") return build(c, a, b, ...time);
  return null;
}

/** What a/b/yyyy dates allow: `dmy` when a first part exceeds 12, `mdy` when a second does. */
export function dateOrderEvidence(values: Iterable<string>): {
  dmy: boolean;
  mdy: boolean;
  samples: string[];
} {
  let dmy = false;
  let mdy = false;
  const samples: string[] = [];
  for (const raw of values) {
    const m = SLASHED.exec(raw.trim());
    if (!m || m[1].length === 4) continue;
    const a = +m[1];
    const b = +m[2];
    if (a > 12 && b <= 12) dmy = true;
    else if (b > 12 && a <= 12) mdy = true;
    else if (a <= 12 && b <= 12 && samples.length < 5) samples.push(raw.trim());
  }
  return { dmy, mdy, samples };
}

/** Whether a cell looks like a date at all (for suggestions and evidence). */
export const looksLikeDate = (raw: string) => ISO.test(raw.trim()) || SLASHED.test(raw.trim());

const PLAIN_INTEGER = /^-?\d{1,15}$/;

export function parseNumber(raw: string): number | null {
  // The usual cell, a plain integer, read at once (exactly: 15 digits at most).
  if (PLAIN_INTEGER.test(raw)) return Number(raw);
  let v = raw.trim().replace(/[\s\u00a0\u202f']/g, "");
  if (!v) return null;
  v = v.replace(/^([+-]?)[$€£]/, "$1").replace(/[$€£%]$/, "");
  const comma = v.lastIndexOf(",");
  const dot = v.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) {
    v = comma > dot ? v.replace(/\./g, "").replace(",", ".") : v.replace(/,/g, "");
  } else if (comma >= 0) {
    v =
      /^[+-]?\d{1,3}(,\d{3})+$/.test(v) && (v.match(/,/g) ?? []).length > 1
        ? v.replace(/,/g, "")
        : v.replace(",", ".");
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const YES = new Set([
  "yes",
  "y",
  "true",
  "t",
  "1",
  "oui",
  "o",
  "vrai",
  "x",
  "on",
  "opt-in",
  "opted in",
]);
const NO = new Set(["no", "n", "false", "f", "0", "non", "faux", "off", "opt-out", "opted out"]);

export function parseBoolean(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

let countryIndex: Map<string, string> | null = null;
const ALIASES: Record<string, string> = {
  usa: "US",
  "u s a": "US",
  "u s": "US",
  america: "US",
  "united states of america": "US",
  uk: "GB",
  "u k": "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "great britain": "GB",
  "etats unis": "US",
  "royaume uni": "GB",
  angleterre: "GB",
  holland: "NL",
  "south korea": "KR",
  russia: "RU",
  "czech republic": "CZ",
};

/** An ISO 3166-1 alpha-2 code from a code (FR, FRA not), or a name in English or French. */
export function parseCountry(raw: string): string | null {
  const v = raw.trim();
  if (/^[A-Za-z]{2}$/.test(v)) {
    const code = v.toUpperCase();
    if ((COUNTRY_CODES as readonly string[]).includes(code)) return code;
    return code === "UK" ? "GB" : null;
  }
  if (!countryIndex) {
    countryIndex = new Map(Object.entries(ALIASES));
    for (const locale of ["en", "fr"]) {
      const names = new Intl.DisplayNames([locale], { type: "region" });
      for (const code of COUNTRY_CODES) {
        const name = names.of(code);
        if (name) countryIndex.set(fold(name), code);
      }
    }
  }
  return countryIndex.get(fold(v)) ?? null;
}

const STAGE_WORDS: Record<string, HistoryStage> = {
  handed_over: "handed_over",
  "handed over": "handed_over",
  handoff: "handed_over",
  mql: "handed_over",
  "marketing qualified lead": "handed_over",
  marketingqualifiedlead: "handed_over",
  accepted: "accepted",
  sal: "accepted",
  "sales accepted lead": "accepted",
  working: "accepted",
  contacted: "accepted",
  "in progress": "accepted",
  qualified: "qualified",
  sql: "qualified",
  "sales qualified lead": "qualified",
  salesqualifiedlead: "qualified",
  rejected: "rejected",
  recycled: "rejected",
  nurture: "rejected",
  disqualified: "disqualified",
  unqualified: "disqualified",
  opportunity: "opportunity",
  opp: "opportunity",
  converted: "opportunity",
  won: "won",
  "closed won": "won",
  closedwon: "won",
  customer: "won",
  lost: "lost",
  "closed lost": "lost",
  closedlost: "lost",
  // French
  transmis: "handed_over",
  accepte: "accepted",
  qualifie: "qualified",
  rejete: "rejected",
  disqualifie: "disqualified",
  opportunite: "opportunity",
  gagne: "won",
  client: "won",
  perdu: "lost",
};

export function parseStage(raw: string): HistoryStage | null {
  const v = fold(raw);
  return (
    STAGE_WORDS[v] ?? STAGE_WORDS[v.replace(/ /g, "")] ?? STAGE_WORDS[v.replace(/ /g, "_")] ?? null
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const parseEmail = (raw: string) => {
  const v = raw.trim().toLowerCase();
  return EMAIL.test(v) && v.length <= 320 ? v : null;
};

/** A trait key from a header: lower case, accents dropped, words joined by `_`, at most 64. */
export function traitKey(header: string): string {
  const key = fold(header).replace(/ /g, "_").slice(0, 64).replace(/_+$/, "");
  return /^[a-z0-9]/.test(key) ? key : `c_${key}`.slice(0, 64) || "column";
}

export { fold };
