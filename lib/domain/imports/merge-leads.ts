/**
 * A batch of leads into the leads table, set-based: staged first — COPYed into a temporary table
 * on PostgreSQL (emptied at commit), one array per column on PGlite — then merged in one
 * statement: new leads inserted, known ones (by email, else external id) updated with the mapped
 * fields only (traits merged). Rows written get `stamp` (this run's own clock) as updated_at,
 * which tells a lead written by an earlier batch of the same run (counted once, as a repeat) and
 * the leads to score at the end. A row naming an erased person (suppression list) is skipped.
 * Given the live model, the statement also scores the leads it creates, from the rows it has just
 * written: the rows rescore would write for them, which a test checks (import-scores.test.ts).
 */
import { once, type EventEmitter } from "node:events";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { identityHashSql } from "@/lib/domain/privacy/suppression";
import { compileNewLeadScores } from "@/lib/domain/scoring/compile";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { firstScoresSql } from "@/lib/domain/scoring/rescore";
import { STAGE_COLUMNS, type LeadBatch } from "./lead-batch";
import { copyClient, copyText, nullableParam, type CopyClient } from "./sql-values";

const COLUMN_LIST = [...STAGE_COLUMNS, "ord"].join(", ");

/** COPYs the batch into the transaction's staging table; answers it as the merge's input. */
async function copyStage(client: CopyClient, batch: LeadBatch, again: boolean): Promise<SQL> {
  await client.unsafe(
    `create temporary table if not exists import_stage (${STAGE_COLUMNS.map((c) => `${c} text`).join(", ")}, ord bigint) on commit delete rows`,
  );
  // Emptied at commit; a second merge in the same transaction empties it first.
  if (again) await client.unsafe(`truncate import_stage`);
  const stream = await client.unsafe(`copy import_stage (${COLUMN_LIST}) from stdin`).writable();
  const { columns } = batch;
  let chunk = "";
  for (let i = 0; i < batch.size; i++) {
    for (const column of columns) chunk += copyText(column[i]) + "\t";
    chunk += `${i + 1}\n`;
    if (chunk.length > 1 << 16) {
      if (!stream.write(chunk)) await once(stream as unknown as EventEmitter, "drain");
      chunk = "";
    }
  }
  await new Promise<void>((resolve, reject) => {
    (stream as unknown as EventEmitter).once("error", reject);
    (stream as unknown as EventEmitter).once("finish", resolve);
    stream.end(chunk);
  });
  return sql`import_stage i`;
}

/** The batch as arrays, one per column (PGlite has no COPY from a stream). */
function arrayStage(batch: LeadBatch): SQL {
  const list = batch.columns.map((values) => nullableParam(values, "text"));
  return sql`unnest(${sql.join(list, sql`, `)}) with ordinality as i(${sql.raw(COLUMN_LIST)})`;
}

export type Merged = {
  /** The lead id at each ord (index ord - 1). */
  ids: (string | null)[];
  created: number;
  /** Leads already written by an earlier batch of this run. */
  again: number;
  /**
   * The leads to score: those changed or found without a score, and those created unless `score`
   * is given (the statement scored them).
   */
  changed: string[];
  /** Rows about an erased person, skipped. */
  suppressed: number;
  /**
   * Rows neither written nor found (ords): their lead was created by another transaction after
   * this statement's snapshot, or their external id belongs to another lead.
   */
  missing: number[];
};

/** The live model, to score the leads a merge creates in the same statement. */
export type InlineScoring = { model: ScoringModel; version: number; asOf: Date };

export async function mergeLeads(
  tx: Queryable,
  batch: LeadBatch,
  now: Date,
  stamp: Date,
  { again = false, score = null }: { again?: boolean; score?: InlineScoring | null } = {},
): Promise<Merged> {
  const client = copyClient(tx);
  const input = client ? await copyStage(client, batch, again) : arrayStage(batch);
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const stampSql = sql`${stamp.toISOString()}::timestamptz`;
  const rowsOut = await queryRows<{
    ord: number;
    id: string | null;
    created: boolean;
    again: boolean;
    changed: boolean;
  }>(
    tx,
    sql`with i as materialized (select * from ${input}),
        supp as materialized (
          select i.ord from i
          where exists (select 1 from suppressions)
            and exists (select 1 from suppressions s
                        where s.hash = ${identityHashSql("email", sql`i.email`)}
                           or s.hash = ${identityHashSql("external_id", sql`i.ext`)})
        ),
        ins as (
          insert into leads (email, external_id, first_name, last_name, company, job_title, seniority, industry, company_size,
                             country, phone, source, consent, consent_at, consent_source, traits, created_at, updated_at)
          select i.email, i.ext, i.first_name, i.last_name, i.company, i.job_title, i.seniority, i.industry, i.company_size::int,
                 i.country, i.phone, i.source, coalesce(i.consent::boolean, false),
                 case when i.consent::boolean then coalesce(i.consent_at::timestamptz, i.created_at::timestamptz, ${nowSql}) end,
                 case when i.consent is not null then coalesce(i.consent_source, 'import') end,
                 i.traits::jsonb, coalesce(i.created_at::timestamptz, ${nowSql}), ${stampSql}
          from i where i.ord not in (select ord from supp)
          on conflict do nothing
          returning ${score ? sql`leads.*` : sql`id, email, external_id`}
        ),${
          // New leads have no event yet: scored here from the rows just written (as the live
          // model scores a lead without events), not read back by a second statement.
          score
            ? sql`
        scored as materialized (${compileNewLeadScores(score.model, sql`ins leads`)}),
        ${firstScoresSql(sql`scored`, { ...score, cause: "refresh" })},`
            : sql``
        }
        created as materialized (
          select i.ord, ins.id from ins
            join i on coalesce('e:' || ins.email, 'x:' || ins.external_id) = coalesce('e:' || i.email, 'x:' || i.ext)
        ),
        found as materialized (
          select ord, id, ext_free from (
            select i.ord, coalesce(
              (select l.id from leads l where l.email = i.email),
              (select l.id from leads l where i.email is null and l.external_id = i.ext)
            ) as id,
            -- An external id the lead may take (no other lead has it).
            i.ext is not null and not exists (select 1 from leads o where o.external_id = i.ext) as ext_free
            from i
            -- Only the rows the insert left: the leads known already (a file of new leads is
            -- looked up once, by the insert's own unique check).
            where i.ord not in (select ord from created) and i.ord not in (select ord from supp)
          ) f where id is not null
        ),
        upd as (
          update leads set
            external_id = coalesce(leads.external_id, case when found.ext_free then i.ext end),
            first_name = coalesce(i.first_name, leads.first_name), last_name = coalesce(i.last_name, leads.last_name),
            company = coalesce(i.company, leads.company), job_title = coalesce(i.job_title, leads.job_title),
            seniority = coalesce(i.seniority, leads.seniority), industry = coalesce(i.industry, leads.industry),
            company_size = coalesce(i.company_size::int, leads.company_size), country = coalesce(i.country, leads.country),
            phone = coalesce(i.phone, leads.phone), source = coalesce(i.source, leads.source),
            consent = coalesce(i.consent::boolean, leads.consent),
            -- Consent from the file is recorded with its time (the file's, else now) and source
            -- (the file's, else "import"); a withdrawal has no time.
            consent_at = case when i.consent is null then leads.consent_at
                              when not i.consent::boolean then null
                              when leads.consent and i.consent_at is null then leads.consent_at
                              else coalesce(i.consent_at::timestamptz, ${nowSql}) end,
            consent_source = case when i.consent is null then leads.consent_source
                                  when leads.consent = i.consent::boolean and i.consent_source is null then leads.consent_source
                                  else coalesce(i.consent_source, 'import') end,
            traits = leads.traits || i.traits::jsonb,
            created_at = least(leads.created_at, coalesce(i.created_at::timestamptz, leads.created_at)),
            updated_at = ${stampSql}
          from found join i on i.ord = found.ord
          where leads.id = found.id
            and (leads.traits @> i.traits::jsonb is false
              or (leads.external_id is null and found.ext_free)
              or (leads.first_name, leads.last_name, leads.company, leads.job_title, leads.seniority, leads.industry, leads.country, leads.phone, leads.source)
                 is distinct from (coalesce(i.first_name, leads.first_name), coalesce(i.last_name, leads.last_name), coalesce(i.company, leads.company), coalesce(i.job_title, leads.job_title), coalesce(i.seniority, leads.seniority), coalesce(i.industry, leads.industry), coalesce(i.country, leads.country), coalesce(i.phone, leads.phone), coalesce(i.source, leads.source))
              or coalesce(i.company_size::int, leads.company_size) is distinct from leads.company_size
              or coalesce(i.consent::boolean, leads.consent) is distinct from leads.consent
              or (i.consent is not null and i.consent_at::timestamptz is distinct from leads.consent_at and i.consent_at is not null)
              or (i.consent is not null and i.consent_source is distinct from leads.consent_source and i.consent_source is not null)
              or i.created_at::timestamptz < leads.created_at)
          returning leads.id
        )
        select found.ord, found.id, false as created,
               -- Already written by an earlier batch of this import: the same lead again in the file.
               exists (select 1 from leads x where x.id = found.id and x.updated_at = ${stampSql}) as again,
               -- To score: changed, or without a score (a run cut off before scoring it).
               found.id in (select id from upd)
                 or not exists (select 1 from lead_scores s where s.lead_id = found.id) as changed
        from found
        union all
        select created.ord, created.id, true, false, ${score ? sql`false` : sql`true`} from created
        union all
        select supp.ord, null, false, false, false from supp`,
  );
  const ids: (string | null)[] = new Array(batch.size).fill(null);
  let created = 0;
  let repeats = 0;
  let suppressed = 0;
  const changed: string[] = [];
  const answered = new Set<number>();
  for (const r of rowsOut) {
    answered.add(Number(r.ord));
    if (r.id === null) {
      suppressed++;
      continue;
    }
    if (r.changed) changed.push(r.id);
    ids[Number(r.ord) - 1] = r.id;
    if (r.created) created++;
    else if (r.again) repeats++;
  }
  const missing: number[] = [];
  for (let ord = 1; ord <= batch.size; ord++) if (!answered.has(ord)) missing.push(ord);
  return { ids, created, again: repeats, changed, suppressed, missing };
}
