/**
 * The leads list as CSV, with the list's filters and the lead scope (a rep exports only their
 * leads): the profile, one column per trait key, the live score (total, fit, engagement, grade,
 * band), the stage, the owner, the predicted probability and the last sales decision with its
 * reason. The cells are computed by the database (csv-sql.ts); PostgreSQL writes the CSV with
 * COPY, PGlite is read in keyset pages by lead id (csv-stream.ts).
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { leads } from "@/db/schema";
import type { Viewer } from "@/lib/auth/principal";
import { leadFilterWhere, type LeadFilter } from "@/lib/domain/leads/list-leads";
import {
  copyCsv,
  csvChunks,
  keysetPages,
  quotedLine,
  withHeader,
  type CsvChunk,
} from "./csv-stream";
import { jsonCellSql, plainCellSql, textCellSql } from "./csv-sql";

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

/** One lead's cells (`c0` is its id, the keyset), as text computed by the database. */
type LeadCells = Record<string, string | null>;

const iso = (at: SQL) => sql`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * The trait keys of the filtered leads, sorted, at most MAX_TRAIT_COLUMNS: one pass over them,
 * with JIT compilation off (its compile time exceeded the scan itself, measured at 100,000 leads).
 */
export async function leadTraitKeys(db: Db, actor: Viewer, filter: LeadFilter): Promise<string[]> {
  const rows = await db.transaction(
    async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return queryRows<{ key: string }>(
        tx,
        sql`select distinct k.key from ${leads}
          cross join lateral jsonb_object_keys(
            case when jsonb_typeof(${leads.traits}) = 'object' then ${leads.traits} else '{}'::jsonb end
          ) as k(key)
        where ${leadFilterWhere(actor, filter)}
        order by k.key
        limit ${MAX_TRAIT_COLUMNS}`,
      );
    },
    { accessMode: "read only" },
  );
  return rows.map((r) => r.key);
}

/**
 * One page of leads after a lead id. The joined tables repeat the bound (`s.lead_id > after`):
 * without it PostgreSQL may merge-join them from their first row on every page, which makes
 * the whole export quadratic.
 */
function leadPage(db: Queryable, actor: Viewer, filter: LeadFilter, traitKeys: string[]) {
  return (after: string | null, size: number) =>
    queryRows<LeadCells>(db, leadQuery(actor, filter, traitKeys, after, size));
}

/**
 * The export's query: a keyset page after a lead id, or (no `after`, no `size`) every lead in
 * no particular order (read through a cursor).
 */
export function leadQuery(
  actor: Viewer,
  filter: LeadFilter,
  traitKeys: string[],
  after: string | null,
  size: number | null,
) {
  const where = leadFilterWhere(actor, filter);
  const text = (c: SQL) => textCellSql(c);
  const plain = (c: SQL) => plainCellSql(c);
  const cells: SQL[] = [
    plain(sql`${leads.id}`),
    text(sql`${leads.email}`),
    text(sql`${leads.externalId}`),
    text(sql`${leads.firstName}`),
    text(sql`${leads.lastName}`),
    text(sql`${leads.jobTitle}`),
    text(sql`${leads.seniority}`),
    text(sql`${leads.company}`),
    text(sql`${leads.industry}`),
    plain(sql`${leads.companySize}`),
    text(sql`${leads.country}`),
    text(sql`${leads.phone}`),
    text(sql`${leads.source}`),
    plain(sql`${leads.consent}`),
    plain(iso(sql`${leads.consentAt}`)),
    plain(iso(sql`${leads.createdAt}`)),
    plain(iso(sql`${leads.updatedAt}`)),
    ...traitKeys.map((k) => jsonCellSql(sql`(${leads.traits} -> ${k}::text)`)),
    plain(sql`s.total`),
    plain(sql`s.fit`),
    plain(sql`s.engagement`),
    plain(sql`s.fit_grade || s.engagement_grade::text`),
    text(sql`s.band`),
    plain(sql`${leads.stage}`),
    text(sql`o.name`),
    text(sql`o.email`),
    plain(sql`p.probability`),
    plain(sql`d.kind`),
    text(sql`d.reason_code`),
    plain(iso(sql`d.at`)),
  ];
  const bound = (column: SQL) => (after === null ? sql`` : sql`and ${column} > ${after}::uuid`);
  // A page probes the last decision of each of its leads; the whole export hash-joins them.
  const lastDecision =
    size === null
      ? sql`left join (
            select distinct on (x.lead_id) x.lead_id, x.kind, x.reason_code, x.at from decisions x
            order by x.lead_id, x.at desc, x.id desc
          ) d on d.lead_id = ${leads.id}`
      : sql`left join lateral (
            select x.kind, x.reason_code, x.at from decisions x
            where x.lead_id = ${leads.id} order by x.at desc, x.id desc limit 1
          ) d on true`;
  return sql`select ${sql.join(
    cells.map((c, i) => sql`${c} as ${sql.identifier(`c${i}`)}`),
    sql`, `,
  )}
          from ${leads}
          left join lead_scores s on s.lead_id = ${leads.id} ${bound(sql`s.lead_id`)}
          left join users o on o.id = ${leads.ownerId}
          left join lead_predictions p on p.lead_id = ${leads.id} ${bound(sql`p.lead_id`)}
          ${lastDecision}
          where ${where} ${bound(sql`${leads.id}`)}
          ${size === null ? sql`` : sql`order by ${leads.id} limit ${size}`}`;
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
  db: Db;
  actor: Viewer;
  filter: LeadFilter;
  pageSize?: number;
}): Promise<AsyncGenerator<CsvChunk>> {
  const traitKeys = await leadTraitKeys(db, actor, filter);
  const header = [
    ...LEAD_EXPORT_COLUMNS,
    ...traitKeys.map((k) => `${TRAIT_PREFIX}${k}`),
    ...LEAD_EXPORT_SCORE_COLUMNS,
  ];
  const copied = copyCsv(db, leadQuery(actor, filter, traitKeys, null, null));
  if (copied) return withHeader(header, copied);
  const width = header.length;
  return csvChunks(
    header,
    keysetPages(leadPage(db, actor, filter, traitKeys), (r) => r.c0!, pageSize),
    (r) => quotedLine(Array.from({ length: width }, (_, i) => r[`c${i}`])),
  );
}
