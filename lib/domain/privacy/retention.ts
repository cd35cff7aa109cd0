/**
 * Event retention: when an admin sets "delete events older than N months" (off by default), the
 * daily `privacy-retention` job deletes them. It walks the events table once by primary key, a
 * slice at a time, each slice in its own short transaction (no index on occurred_at is needed,
 * so ingestion pays nothing for the feature), and rescores the leads it took events from under
 * the live model, so no score keeps counting what is no longer held. Progress is the share of ids
 * walked.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { auditLog } from "@/db/schema";
import { assertCan } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/principal";
import { lockScoringShared } from "@/lib/domain/scoring/locks";
import { rescore } from "@/lib/domain/scoring/rescore";
import { getActiveModel } from "@/lib/domain/scoring/versions";

export const MAX_RETENTION_MONTHS = 120;

export const retentionInputSchema = z
  .object({
    eventRetentionMonths: z
      .number({ message: "A whole number of months, or null for never." })
      .int("A whole number of months.")
      .min(1, "At least 1 month.")
      .max(MAX_RETENTION_MONTHS, `At most ${MAX_RETENTION_MONTHS} months.`)
      .nullable(),
  })
  .strict();

export type RetentionInput = z.infer<typeof retentionInputSchema>;
export type RetentionSettings = { eventRetentionMonths: number | null; updatedAt: string | null };

export async function getRetention(db: Queryable): Promise<RetentionSettings> {
  const [row] = await queryRows<{ months: number | null; updated_at: Date | string | null }>(
    db,
    sql`select event_retention_months as months, updated_at from privacy_settings where id = 1`,
  );
  return {
    eventRetentionMonths: row?.months ?? null,
    updatedAt: row?.updated_at ? new Date(row.updated_at).toISOString() : null,
  };
}

export async function saveRetention({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  input: RetentionInput;
  now?: Date;
}): Promise<RetentionSettings> {
  assertCan(actor, "privacy:manage");
  const months = input.eventRetentionMonths;
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into privacy_settings (id, event_retention_months, updated_by, updated_at)
          values (1, ${months}::int, ${actor.id}::uuid, ${now.toISOString()}::timestamptz)
          on conflict (id) do update set event_retention_months = excluded.event_retention_months,
            updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
    await tx.insert(auditLog).values({
      at: now,
      actorType: "user",
      actorId: actor.id,
      action: "privacy.retention",
      targetType: "privacy_settings",
      targetId: "1",
      data: { eventRetentionMonths: months },
    });
  });
  return getRetention(db);
}

/** The instant N calendar months before `now` (UTC): events before it go. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export type PruneResult = {
  months: number | null;
  cutoff: string | null;
  deleted: number;
  rescored: number;
};

const SLICE = 20_000;

/** Deletes the events older than the retention setting; does nothing while it is off. */
export async function pruneOldEvents(
  db: Db,
  {
    now = new Date(),
    slice = SLICE,
    onProgress,
    signal,
  }: {
    now?: Date;
    slice?: number;
    onProgress?: (done: number, total: number) => Promise<void>;
    signal?: AbortSignal;
  } = {},
): Promise<PruneResult> {
  const { eventRetentionMonths: months } = await getRetention(db);
  if (months === null) return { months, cutoff: null, deleted: 0, rescored: 0 };
  const cutoff = retentionCutoff(now, months);
  const [bounds] = await queryRows<{ lo: string | null; hi: string | null }>(
    db,
    sql`select min(id)::text as lo, max(id)::text as hi from events`,
  );
  let deleted = 0;
  let rescored = 0;
  if (bounds?.lo == null || bounds.hi == null)
    return { months, cutoff: cutoff.toISOString(), deleted, rescored };
  const lo = Number(bounds.lo);
  const hi = Number(bounds.hi);
  const total = hi - lo + 1;
  for (let from = lo; from <= hi; from += slice) {
    signal?.throwIfAborted();
    const to = Math.min(from + slice - 1, hi);
    const result = await db.transaction(async (tx) => {
      // Shared, like ingestion: a publish's swap never sees a half-pruned lead.
      await lockScoringShared(tx);
      const gone = await queryRows<{ lead_id: string }>(
        tx,
        sql`delete from events where id between ${from} and ${to}
              and occurred_at < ${cutoff.toISOString()}::timestamptz
            returning lead_id`,
      );
      const leadIds = [...new Set(gone.map((g) => g.lead_id))].sort();
      const active = leadIds.length ? await getActiveModel(tx) : null;
      if (active)
        await rescore(tx, {
          model: active.model,
          version: active.version,
          asOf: now,
          cause: "refresh",
          leadIds,
        });
      return { deleted: gone.length, leads: leadIds.length };
    });
    deleted += result.deleted;
    rescored += result.leads;
    await onProgress?.(to - lo + 1, total);
  }
  return { months, cutoff: cutoff.toISOString(), deleted, rescored };
}
