/**
 * The suppression list: the email and external id of every erased lead, kept only as a salted
 * SHA-256 (the salt is the install's: ACCORD_PRIVACY_SALT, else one generated in the database at
 * migration). Ingestion — events, lead upserts, Segment identify and track, CSV imports — asks it
 * before creating or updating a lead, and skips what it names, counted as `suppressed`: an erased
 * person is not brought back by the next sync. Hashing happens in SQL, so a batch costs one
 * statement whatever its size.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { privacySaltFromEnv } from "@/lib/infra/env";

export type IdentityKind = "email" | "external_id";

function saltSql(): SQL {
  const fromEnv = privacySaltFromEnv();
  return fromEnv === null
    ? sql`(select salt from privacy_settings where id = 1)`
    : sql`${fromEnv}::text`;
}

/** The stored hash of an identity: `value` is SQL (a column, a parameter). */
export function identityHashSql(kind: IdentityKind, value: SQL): SQL {
  return sql`encode(sha256(convert_to(${saltSql()} || ':' || ${kind}::text || ':' || ${value}, 'UTF8')), 'hex')`;
}

/** Emails as ingestion stores them (lower-cased, trimmed); external ids trimmed. */
export const normalEmail = (email: string) => email.trim().toLowerCase();

export type Identities = { emails: string[]; externalIds: string[] };
export type Suppressed = { emails: Set<string>; externalIds: Set<string> };

/** Which of these identities are on the suppression list. */
export async function findSuppressed(db: Queryable, ids: Identities): Promise<Suppressed> {
  const emails = [...new Set(ids.emails.map(normalEmail))];
  const externalIds = [...new Set(ids.externalIds.map((e) => e.trim()))];
  const found: Suppressed = { emails: new Set(), externalIds: new Set() };
  if (!emails.length && !externalIds.length) return found;
  const rows = await queryRows<{ kind: IdentityKind; value: string }>(
    db,
    // The first EXISTS is a one-time filter: with an empty list (most installs), nothing is hashed.
    sql`select 'email' as kind, v as value from unnest(${arrayParam(emails, "text")}) v
        where exists (select 1 from suppressions)
          and exists (select 1 from suppressions s where s.hash = ${identityHashSql("email", sql`v`)})
        union all
        select 'external_id', v from unnest(${arrayParam(externalIds, "text")}) v
        where exists (select 1 from suppressions)
          and exists (select 1 from suppressions s where s.hash = ${identityHashSql("external_id", sql`v`)})`,
  );
  for (const row of rows) (row.kind === "email" ? found.emails : found.externalIds).add(row.value);
  return found;
}

/** Whether an item naming the lead by email and/or external id is suppressed (either suffices). */
export function isSuppressed(
  found: Suppressed,
  item: { email?: string | null; externalId?: string | null },
): boolean {
  return Boolean(
    (item.email && found.emails.has(normalEmail(item.email))) ||
    (item.externalId && found.externalIds.has(item.externalId.trim())),
  );
}

/** Puts a lead's email and external id (as they are stored on it) on the list. */
export async function suppressLead(db: Queryable, leadId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with added as (
          insert into suppressions (hash, kind)
          select ${identityHashSql("email", sql`l.email`)}, 'email' from leads l
          where l.id = ${leadId} and l.email is not null
          union all
          select ${identityHashSql("external_id", sql`l.external_id`)}, 'external_id' from leads l
          where l.id = ${leadId} and l.external_id is not null
          on conflict (hash) do nothing
          returning 1)
        select count(*)::int as n from added`,
  );
  return row.n;
}
