/**
 * The leads list as CSV, with the list's filters and the lead scope (a rep exports only their
 * leads): the profile, one column per trait key, the live score (total, fit, engagement, grade,
 * band), the stage, the owner, the predicted probability and the last sales decision with its
 * reason. Streamed in keyset pages by lead id (csv-stream.ts).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { leads } from "@/db/schema";
import type { Viewer } from "@/lib/auth/principal";
import { leadFilterWhere, type LeadFilter } from "@/lib/domain/leads/list-leads";
import { csvChunks, jsonCell, keysetPages, type Cell } from "./csv-stream";

/** Beyond this many distinct trait keys the rest are left out (a spreadsheet would not cope). */
export const MAX_TRAIT_COLUMNS = 500;

/** Trait columns are named `trait.<key>`, so a trait called "email" cannot shadow the profile. */
export const TRAIT_PREFIX = "trait.";

export const LEAD_EXPORT_COLUMNS = [
  "id",
  "email",
  "external_id",
  "first_name",
  "last_name",
  "job_title",
  "seniority",
  "company",
  "industry",
  "company_size",
  "country",
  "phone",
  "source",
  "consent",
  "consent_at",
  "created_at",
  "updated_at",
] as const;

export const LEAD_EXPORT_SCORE_COLUMNS = [
  "score",
  "fit",
  "engagement",
  "grade",
  "band",
  "stage",
  "owner_name",
  "owner_email",
  "predicted_probability",
  "last_decision",
  "last_decision_reason",
  "last_decision_at",
] as const;

type LeadExportRow = {
  id: string;
  email: string | null;
  external_id: string | null;
  first_name: string | null;
  last_name: string | null;
  job_title: string | null;
  seniority: string | null;
  company: string | null;
  industry: string | null;
  company_size: number | null;
  country: string | null;
  phone: string | null;
  source: string | null;
  consent: boolean;
  consent_at: string | null;
  created_at: string;
  updated_at: string;
  traits: Record<string, unknown> | string | null;
  score: number | null;
  fit: number | null;
  engagement: number | null;
  grade: string | null;
  band: string | null;
  stage: string;
  owner_name: string | null;
  owner_email: string | null;
  predicted_probability: number | null;
  last_decision: string | null;
  last_decision_reason: string | null;
  last_decision_at: string | null;
};

const iso = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The trait keys of the filtered leads, sorted, at most MAX_TRAIT_COLUMNS. */
export async function leadTraitKeys(
  db: Queryable,
  actor: Viewer,
  filter: LeadFilter,
): Promise<string[]> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`select distinct k.key from ${leads}
          cross join lateral jsonb_object_keys(
            case when jsonb_typeof(${leads.traits}) = 'object' then ${leads.traits} else '{}'::jsonb end
          ) as k(key)
        where ${leadFilterWhere(actor, filter)}
        order by k.key
        limit ${MAX_TRAIT_COLUMNS}`,
  );
  return rows.map((r) => r.key);
}

function leadPage(db: Queryable, actor: Viewer, filter: LeadFilter) {
  const where = leadFilterWhere(actor, filter);
  return (after: string | null, size: number) =>
    queryRows<LeadExportRow>(
      db,
      sql`select ${leads.id} as id, ${leads.email} as email, ${leads.externalId} as external_id,
            ${leads.firstName} as first_name, ${leads.lastName} as last_name,
            ${leads.jobTitle} as job_title, ${leads.seniority} as seniority,
            ${leads.company} as company, ${leads.industry} as industry,
            ${leads.companySize} as company_size, ${leads.country} as country,
            ${leads.phone} as phone, ${leads.source} as source, ${leads.consent} as consent,
            ${iso(sql`${leads.consentAt}`)} as consent_at,
            ${iso(sql`${leads.createdAt}`)} as created_at,
            ${iso(sql`${leads.updatedAt}`)} as updated_at,
            ${leads.traits} as traits,
            s.total as score, s.fit as fit, s.engagement as engagement,
            s.fit_grade || s.engagement_grade::text as grade, s.band as band,
            ${leads.stage}::text as stage,
            o.name as owner_name, o.email as owner_email,
            p.probability as predicted_probability,
            d.kind::text as last_decision, d.reason_code as last_decision_reason,
            ${iso(sql`d.at`)} as last_decision_at
          from ${leads}
          left join lead_scores s on s.lead_id = ${leads.id}
          left join users o on o.id = ${leads.ownerId}
          left join lead_predictions p on p.lead_id = ${leads.id}
          left join lateral (
            select x.kind, x.reason_code, x.at from decisions x
            where x.lead_id = ${leads.id} order by x.at desc, x.id desc limit 1
          ) d on true
          where ${where} ${after === null ? sql`` : sql`and ${leads.id} > ${after}::uuid`}
          order by ${leads.id}
          limit ${size}`,
    );
}

function traitsOf(value: LeadExportRow["traits"]): Record<string, unknown> {
  if (!value) return {};
  if (typeof value === "string") {
    try {
      const parsed = JSON.parse(value) as unknown;
      return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return value;
}

/**
 * The CSV of the filtered leads in the actor's scope: the header first (its trait columns are the
 * trait keys found among those leads), then one chunk per page.
 */
export async function exportLeadsCsv({
  db,
  actor,
  filter,
  pageSize,
}: {
  db: Queryable;
  actor: Viewer;
  filter: LeadFilter;
  pageSize?: number;
}): Promise<AsyncGenerator<string>> {
  const traitKeys = await leadTraitKeys(db, actor, filter);
  const header = [
    ...LEAD_EXPORT_COLUMNS,
    ...traitKeys.map((k) => `${TRAIT_PREFIX}${k}`),
    ...LEAD_EXPORT_SCORE_COLUMNS,
  ];
  const cells = (r: LeadExportRow): Cell[] => {
    const traits = traitsOf(r.traits);
    const row: Cell[] = LEAD_EXPORT_COLUMNS.map((c) => r[c]);
    for (const k of traitKeys) row.push(jsonCell(traits[k]));
    for (const c of LEAD_EXPORT_SCORE_COLUMNS) row.push(r[c]);
    return row;
  };
  return csvChunks(
    header,
    keysetPages(leadPage(db, actor, filter), (r) => r.id, pageSize),
    cells,
  );
}
