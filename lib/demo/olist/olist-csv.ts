/**
 * The Olist marketing funnel (two CSV files) as the rows Accord imports: one lead per MQL, with
 * the date it won if it did. Only `mql_id` and `won_date` are read from the closed deals: their
 * other columns (segment, lead type, behaviour profile, catalogue size, revenue…) exist only for
 * won deals, so using them as lead attributes would leak the outcome into the score.
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";

export type OlistLead = {
  /** `olist:<mql_id>` */
  externalId: string;
  /** `origin`, "unknown" when empty. */
  source: string;
  landingPageId: string;
  /** YYYY-MM-DD as in the file. */
  firstContactDate: string;
  /** First contact, midnight UTC. */
  mqlAt: Date;
  /** Won date, read as UTC (the file gives no zone); null when the MQL did not close. */
  wonAt: Date | null;
};

export type OlistMapping = { leads: OlistLead[]; errors: string[] };

const mqlRowSchema = z.object({
  mql_id: z.string().trim().min(1, "mql_id is empty"),
  first_contact_date: z.iso.date({ message: "first_contact_date is not a YYYY-MM-DD date" }),
  landing_page_id: z.string().trim(),
  origin: z.string().trim(),
});

/** Deliberately only these two columns: see the header comment. */
const dealRowSchema = z.object({
  mql_id: z.string().trim().min(1, "mql_id is empty"),
  won_date: z
    .string()
    .transform((s) => s.replace(" ", "T"))
    .pipe(
      z.iso.datetime({ local: true, message: "won_date is not a YYYY-MM-DD HH:MM:SS date-time" }),
    ),
});

const readCsv = (text: string) =>
  parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
    string,
    string
  >[];

export function mapOlistCsv(mqlCsv: string, dealsCsv: string): OlistMapping {
  const errors: string[] = [];
  const wonAt = new Map<string, Date>();
  readCsv(dealsCsv).forEach((raw, i) => {
    const row = dealRowSchema.safeParse(raw);
    if (!row.success) return void errors.push(`deals row ${i + 2}: ${row.error.issues[0].message}`);
    if (wonAt.has(row.data.mql_id))
      return void errors.push(
        `deals row ${i + 2}: mql_id ${row.data.mql_id} closed twice; the first is kept`,
      );
    wonAt.set(row.data.mql_id, new Date(`${row.data.won_date}Z`));
  });

  const leads: OlistLead[] = [];
  const seen = new Set<string>();
  readCsv(mqlCsv).forEach((raw, i) => {
    const row = mqlRowSchema.safeParse(raw);
    if (!row.success) return void errors.push(`MQL row ${i + 2}: ${row.error.issues[0].message}`);
    const {
      mql_id: id,
      first_contact_date: date,
      landing_page_id: landingPageId,
      origin,
    } = row.data;
    if (seen.has(id))
      return void errors.push(`MQL row ${i + 2}: mql_id ${id} appears twice; the first is kept`);
    seen.add(id);
    leads.push({
      externalId: `olist:${id}`,
      source: origin || "unknown",
      landingPageId,
      firstContactDate: date,
      mqlAt: new Date(`${date}T00:00:00Z`),
      wonAt: wonAt.get(id) ?? null,
    });
  });
  for (const id of wonAt.keys())
    if (!seen.has(id)) errors.push(`deal for mql_id ${id} has no MQL row; skipped`);
  return { leads, errors };
}
