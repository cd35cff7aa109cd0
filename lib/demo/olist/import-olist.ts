/**
 * Writes Olist leads set-based, in one transaction, a few thousand rows per statement: the lead
 * (known by external id only, no email or phone), a transition to `mql` at first contact and, for
 * won deals, one to `customer` at the won date. Leads whose external id already exists are left
 * alone, so re-running the import changes nothing.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import type { OlistLead } from "./olist-csv";

export const OLIST_ACTOR = "import:olist";
const BATCH = 2000;

export type OlistImportResult = {
  leadsCreated: number;
  leadsSkipped: number;
  mqlTransitions: number;
  wonTransitions: number;
};

export async function importOlistLeads(db: Db, rows: OlistLead[]): Promise<OlistImportResult> {
  return db.transaction(async (tx) => {
    const result: OlistImportResult = {
      leadsCreated: 0,
      leadsSkipped: 0,
      mqlTransitions: 0,
      wonTransitions: 0,
    };
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = await importBatch(tx, rows.slice(i, i + BATCH));
      result.leadsCreated += batch.leadsCreated;
      result.leadsSkipped += batch.leadsSkipped;
      result.mqlTransitions += batch.mqlTransitions;
      result.wonTransitions += batch.wonTransitions;
    }
    return result;
  });
}

async function importBatch(tx: Queryable, rows: OlistLead[]): Promise<OlistImportResult> {
  const input = sql`unnest(
      ${arrayParam(
        rows.map((r) => r.externalId),
        "text",
      )},
      ${arrayParam(
        rows.map((r) => r.source),
        "text",
      )},
      ${arrayParam(
        rows.map((r) => r.landingPageId),
        "text",
      )},
      ${arrayParam(
        rows.map((r) => r.firstContactDate),
        "text",
      )},
      ${arrayParam(
        rows.map((r) => r.mqlAt.toISOString()),
        "text",
      )},
      ${arrayParam(
        rows.map((r) => r.wonAt?.toISOString() ?? ""),
        "text",
      )}
    ) as i(ext, source, landing, first_contact, mql_at, won_at)`;
  const created = await queryRows<{ id: string; ext: string }>(
    tx,
    sql`insert into leads (external_id, source, traits, lifecycle_stage, created_at, updated_at)
        select ext, source, jsonb_build_object('landing_page_id', landing, 'first_contact_date', first_contact),
               (case when won_at = '' then 'mql' else 'customer' end)::lifecycle_stage,
               mql_at::timestamptz, coalesce(nullif(won_at, '')::timestamptz, mql_at::timestamptz)
        from ${input}
        on conflict (external_id) do nothing
        returning id, external_id as ext`,
  );
  if (!created.length)
    return { leadsCreated: 0, leadsSkipped: rows.length, mqlTransitions: 0, wonTransitions: 0 };
  const ids = arrayParam(
    created.map((c) => c.id),
    "uuid",
  );
  const exts = arrayParam(
    created.map((c) => c.ext),
    "text",
  );
  const newLeads = sql`unnest(${ids}, ${exts}) as n(id, ext) join ${input} on i.ext = n.ext`;
  // Two statements, MQL first: the won transition follows its handoff in id order too.
  const [mql] = await queryRows<{ n: number }>(
    tx,
    sql`with t as (insert into lead_transitions (lead_id, at, from_stage, to_stage, actor_type, actor_id, reason)
          select n.id, i.mql_at::timestamptz, null, 'mql', 'system', ${OLIST_ACTOR}, 'imported' from ${newLeads}
          order by i.mql_at, n.id
          returning 1)
        select count(*)::int as n from t`,
  );
  const [won] = await queryRows<{ n: number }>(
    tx,
    sql`with t as (insert into lead_transitions (lead_id, at, from_stage, to_stage, actor_type, actor_id, reason)
          select n.id, i.won_at::timestamptz, 'mql', 'customer', 'system', ${OLIST_ACTOR}, 'crm_won' from ${newLeads}
          where i.won_at <> ''
          order by i.won_at, n.id
          returning 1)
        select count(*)::int as n from t`,
  );
  return {
    leadsCreated: created.length,
    leadsSkipped: rows.length - created.length,
    mqlTransitions: mql.n,
    wonTransitions: won.n,
  };
}
