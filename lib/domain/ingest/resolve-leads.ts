/**
 * Finds the lead each incoming record names (leadId, else email, else userId as external id),
 * creating leads for unknown emails and user ids. Returns a map from the record's key to the lead,
 * and the keys of records about an erased person (an erased lead's id, or an email or user id on
 * the suppression list): those get no lead, and no new one is created for them.
 */
import { sql } from "drizzle-orm";
import { arrayParam } from "@/db/sql-array";
import type { Queryable } from "@/db/client";
import { leads } from "@/db/schema";
import { findSuppressed, isSuppressed } from "@/lib/domain/privacy/suppression";

export type LeadRef = { leadId?: string; email?: string; userId?: string };

export const refKey = (r: LeadRef) =>
  r.leadId ? `id:${r.leadId}` : r.email ? `email:${r.email}` : `ext:${r.userId}`;

export async function resolveLeads(
  tx: Queryable,
  all: LeadRef[],
  source: string,
): Promise<{ resolved: Map<string, string>; suppressed: Set<string> }> {
  const resolved = new Map<string, string>();
  const suppressed = new Set<string>();
  const found = await findSuppressed(tx, {
    emails: all.flatMap((r) => (!r.leadId && r.email ? [r.email] : [])),
    externalIds: all.flatMap((r) => (!r.leadId && r.userId ? [r.userId] : [])),
  });
  const refs = all.filter((r) => {
    if (r.leadId || !isSuppressed(found, { email: r.email, externalId: r.userId })) return true;
    suppressed.add(refKey(r));
    return false;
  });
  const ids = [...new Set(refs.filter((r) => r.leadId).map((r) => r.leadId!))];
  if (ids.length) {
    for (const row of await tx
      .select({ id: leads.id, erasedAt: leads.erasedAt })
      .from(leads)
      .where(sql`${leads.id} = any(${arrayParam(ids, "uuid")})`))
      if (row.erasedAt) suppressed.add(`id:${row.id}`);
      else resolved.set(`id:${row.id}`, row.id);
  }

  const byEmail = new Map<string, string | undefined>();
  for (const r of refs)
    if (!r.leadId && r.email && !byEmail.has(r.email)) byEmail.set(r.email, r.userId);
  if (byEmail.size) {
    const emails = [...byEmail.keys()].sort();
    // New leads keep the user id as external id unless another lead already has it.
    await tx
      .insert(leads)
      .values(emails.map((email) => ({ email, externalId: byEmail.get(email) ?? null, source })))
      .onConflictDoNothing();
    const byEmails = sql`${leads.email} = any(${arrayParam(emails, "text")})`;
    let rows = await tx.select({ id: leads.id, email: leads.email }).from(leads).where(byEmails);
    const missing = emails.filter((e) => !rows.some((r) => r.email === e));
    if (missing.length) {
      await tx
        .insert(leads)
        .values(missing.map((email) => ({ email, source })))
        .onConflictDoNothing();
      rows = await tx.select({ id: leads.id, email: leads.email }).from(leads).where(byEmails);
    }
    for (const row of rows) resolved.set(`email:${row.email}`, row.id);
  }

  const externals = [
    ...new Set(refs.filter((r) => !r.leadId && !r.email && r.userId).map((r) => r.userId!)),
  ].sort();
  if (externals.length) {
    await tx
      .insert(leads)
      .values(externals.map((externalId) => ({ externalId, source })))
      .onConflictDoNothing();
    for (const row of await tx
      .select({ id: leads.id, ext: leads.externalId })
      .from(leads)
      .where(sql`${leads.externalId} = any(${arrayParam(externals, "text")})`)) {
      resolved.set(`ext:${row.ext}`, row.id);
    }
  }
  return { resolved, suppressed };
}
