/**
 * Erasing a lead (GDPR art. 17), in two steps — what quotes the person elsewhere first (whole-table
 * scans, outside any lock, idempotent), then everything keyed by the lead in one short transaction:
 * - deleted: its events, scores (lead_scores, and a publish's lead_scores_next), score history,
 *   handoff snapshots (and their rule hits), predictions, notifications, webhook messages about it
 *   (and their deliveries, whose logged answers may echo it), import row errors and uploaded files
 *   that name it;
 * - kept without personal data, so the reports' counts do not move: the lead row as a tombstone
 *   (only its source, country, stage history, owner and dates remain; parked as `disqualified`
 *   with no transition, so no queue, clock, routing or training picks it up, and every lead query
 *   leaves it out), its transitions, decisions, touches, assignments and SLA clocks — free text
 *   (notes, BANT) and the handoff's profile snapshot cleared;
 * - audit rows that quote it anonymised; its email and external id put on the suppression list as
 *   salted hashes, so ingestion never recreates it;
 * - the erase itself audited, with counts only.
 * The second step holds the scoring lock exclusively (as a publish's swap does): ingestion batches
 * for the lead either committed before (their events are erased too) or start after and meet the
 * suppression list; a publish building meanwhile drops the lead's rows at its swap
 * (publish-shadow.ts).
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { auditLog } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { principalLabel, type Principal } from "@/lib/auth/principal";
import { isLeadId } from "@/lib/domain/leads/id";
import { withTxRetry } from "@/lib/domain/ingest/retry";
import { lockScoringExclusive } from "@/lib/domain/scoring/locks";
import { AppError } from "@/lib/shared/errors";
import { suppressLead } from "./suppression";

export type EraseCounts = {
  suppressed: number;
  events: number;
  scores: number;
  scoreHistory: number;
  snapshots: number;
  predictions: number;
  notifications: number;
  webhookMessages: number;
  /** Other leads' webhook messages that quoted the person. */
  quotingMessages: number;
  decisionsCleared: number;
  touchesCleared: number;
  transitionsCleared: number;
  auditAnonymised: number;
  importErrors: number;
  importFiles: number;
};

export type EraseResult = { id: string; erasedAt: Date; counts: EraseCounts };

export const NOT_FOUND = "No lead with this id (or it was erased already).";

/** Admins (people) and API keys with privacy:write. */
export function assertMayErase(principal: Principal): void {
  const allowed =
    principal.kind === "user"
      ? can(principal.user.role, "privacy:manage")
      : principal.key.scopes.includes("privacy:write");
  if (!allowed)
    throw new AppError("forbidden", "Erasing a lead needs an admin or the privacy:write scope.");
}

async function count(tx: Queryable, statement: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`with done as (${statement} returning 1) select count(*)::int as n from done`,
  );
  return row.n;
}

type Identity = {
  email: string | null;
  external_id: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
};

/** The strings that identify the person, as they would be quoted elsewhere (lower-cased). */
function needlesOf(lead: Identity): string[] {
  const fullName = [lead.first_name, lead.last_name].filter(Boolean).join(" ");
  return [lead.email, lead.external_id, lead.phone, fullName.length >= 5 ? fullName : null]
    .filter((v): v is string => Boolean(v && v.trim().length >= 3))
    .map((v) => v.trim().toLowerCase());
}

export async function eraseLead({
  db,
  principal,
  id,
  now = new Date(),
}: {
  db: Db;
  principal: Principal;
  id: string;
  now?: Date;
}): Promise<EraseResult> {
  assertMayErase(principal);
  if (!isLeadId(id)) throw new AppError("not_found", NOT_FOUND);
  const by = principalLabel(principal);
  const [lead] = await queryRows<Identity>(
    db,
    sql`select email, external_id, phone, first_name, last_name from leads
        where id = ${id} and erased_at is null`,
  );
  if (!lead) throw new AppError("not_found", NOT_FOUND);
  // First, outside the scoring lock (these scan whole tables, and ingestion must not wait for
  // them): whatever quotes the person elsewhere. Idempotent, so a failed erase can be repeated.
  const quoting = await db.transaction((tx) => eraseQuotes(tx, id, lead));
  // Then everything keyed by the lead, under the lock, in one short transaction.
  const keyed = await withTxRetry(() =>
    db.transaction(async (tx) => {
      await lockScoringExclusive(tx);
      const [still] = await queryRows<{ id: string }>(
        tx,
        sql`select id from leads where id = ${id} and erased_at is null for update`,
      );
      if (!still) throw new AppError("not_found", NOT_FOUND);
      const counts = await eraseKeyed(tx, id, now);
      await tx.insert(auditLog).values({
        at: now,
        actorType: by.actorType,
        actorId: by.actorId,
        action: "lead.erased",
        targetType: "lead",
        targetId: id,
        data: { ...counts, ...quoting },
      });
      return counts;
    }),
  );
  return { id, erasedAt: now, counts: { ...keyed, ...quoting } };
}

type QuoteCounts = Pick<
  EraseCounts,
  "quotingMessages" | "auditAnonymised" | "importErrors" | "importFiles"
>;

/** Rows that quote the person without being keyed by the lead: audit data, import errors and files, webhook payloads. */
async function eraseQuotes(tx: Queryable, id: string, lead: Identity): Promise<QuoteCounts> {
  const needles = needlesOf(lead);
  const quoted = (text: SQL) =>
    needles.length
      ? sql`(${sql.join(
          needles.map((n) => sql`position(${n}::text in lower(${text})) > 0`),
          sql` or `,
        )})`
      : sql`false`;
  return {
    quotingMessages: await count(
      tx,
      sql`delete from webhook_messages
          where lead_id is distinct from ${id}::uuid and ${quoted(sql`data::text`)}`,
    ),
    auditAnonymised: await count(
      tx,
      sql`update audit_log set data = jsonb_build_object('anonymised', true)
          where ${quoted(sql`data::text`)}`,
    ),
    importErrors: await count(
      tx,
      sql`delete from import_row_errors
          where ${quoted(sql`(coalesce(value, '') || ' ' || coalesce(cells::text, ''))`)}`,
    ),
    importFiles: await eraseUploadedFiles(tx, [lead.email, lead.external_id]),
  };
}

/** Everything keyed by the lead; the row itself becomes a tombstone. */
async function eraseKeyed(
  tx: Queryable,
  id: string,
  now: Date,
): Promise<Omit<EraseCounts, keyof QuoteCounts>> {
  const counts: Omit<EraseCounts, keyof QuoteCounts> = {
    suppressed: await suppressLead(tx, id),
    events: await count(tx, sql`delete from events where lead_id = ${id}`),
    scores: await count(tx, sql`delete from lead_scores where lead_id = ${id}`),
    scoreHistory: await count(tx, sql`delete from score_history where lead_id = ${id}`),
    snapshots: await count(tx, sql`delete from mql_snapshots where lead_id = ${id}`),
    predictions: await count(tx, sql`delete from lead_predictions where lead_id = ${id}`),
    notifications: await count(tx, sql`delete from notifications where lead_id = ${id}`),
    webhookMessages: await count(tx, sql`delete from webhook_messages where lead_id = ${id}`),
    decisionsCleared: await count(
      tx,
      sql`update decisions set note = null, bant = null
          where lead_id = ${id} and (note is not null or bant is not null)`,
    ),
    touchesCleared: await count(
      tx,
      sql`update touches set note = null where lead_id = ${id} and note is not null`,
    ),
    transitionsCleared: await count(
      tx,
      sql`update lead_transitions set note = null, data = data - 'note',
            attributes = case when attributes is null then null else jsonb_strip_nulls(
              jsonb_build_object('source', attributes->'source', 'country', attributes->'country')) end
          where lead_id = ${id}`,
    ),
  };
  // A publish's shadow table, when one is built: the swap drops the lead too, under the lock
  // this transaction holds; this only spares it the work.
  await tx.execute(
    sql.raw(`do $$ begin
      if to_regclass('lead_scores_next') is not null then
        execute 'delete from lead_scores_next where lead_id = $1' using '${id}'::uuid;
      end if;
    exception when others then null; end $$`),
  );
  await tx.execute(
    sql`update sla_clocks set closed_at = ${now.toISOString()}::timestamptz, close_reason = 'erased'
        where lead_id = ${id} and closed_at is null`,
  );
  await tx.execute(
    sql`update leads set email = null, external_id = null, first_name = null, last_name = null,
          job_title = null, seniority = null, company = null, industry = null, company_size = null,
          phone = null, traits = '{}'::jsonb, consent = false, consent_at = null, consent_source = null,
          lifecycle_stage = 'disqualified', erased_at = ${now.toISOString()}::timestamptz,
          updated_at = ${now.toISOString()}::timestamptz
        where id = ${id}`,
  );
  return counts;
}

/**
 * Uploaded CSV files (kept for re-runs) that contain the email or external id, byte for byte:
 * their content is deleted — the import's record and counts stay.
 */
async function eraseUploadedFiles(tx: Queryable, values: (string | null)[]): Promise<number> {
  const present = values.filter((v): v is string => Boolean(v && v.length >= 3));
  if (!present.length) return 0;
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`with hit as (
          select distinct upload_id from import_upload_chunks
          where ${sql.join(
            present.map((v) => sql`position(convert_to(${v}::text, 'UTF8') in data) > 0`),
            sql` or `,
          )}),
        gone as (delete from import_upload_chunks where upload_id in (select upload_id from hit) returning 1),
        marked as (update import_uploads set chunks = 0, bytes = 0 where id in (select upload_id from hit) returning 1)
        select (select count(*)::int from marked) as n, (select count(*) from gone) as chunks`,
  );
  return row.n;
}
