/** A lead field as SQL sees it (on the `leads` table), mirroring fields.ts. */
import { sql } from "drizzle-orm";
import { leads } from "@/db/schema/leads";
import { traitKey } from "./fields";
import { NUMERIC_FIELDS } from "./model";
import { jsonTextSql, seenFromText, type SeenSql } from "./sql-conditions";

const COLUMNS = {
  email: leads.email,
  firstName: leads.firstName,
  lastName: leads.lastName,
  jobTitle: leads.jobTitle,
  seniority: leads.seniority,
  company: leads.company,
  industry: leads.industry,
  companySize: leads.companySize,
  country: leads.country,
  phone: leads.phone,
  source: leads.source,
} as const;

export function fieldSql(field: string): SeenSql {
  const key = traitKey(field);
  if (key !== null) return seenFromText(jsonTextSql(sql`${leads.traits}`, [key]));
  const column = COLUMNS[field as keyof typeof COLUMNS];
  if (NUMERIC_FIELDS.includes(field))
    return { text: sql`(${column})::text`, num: sql`(${column})::numeric` };
  return seenFromText(sql`nullif(${column}, '')`);
}
