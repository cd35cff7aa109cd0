import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { arrayParam } from "@/db/sql-array";
import { YEAR_MESSAGE, yearInRange } from "@/lib/shared/bounds";

export const timelineSchema = z.object({
  before: z.coerce
    .date({ message: "`before` must be a date." })
    .refine(yearInRange, `before: ${YEAR_MESSAGE}`)
    .optional(),
  beforeId: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  name: z.string().trim().max(200).optional(),
  /** Only these events (comma-separated ids): the events behind one receipt line. */
  ids: z
    .string()
    .regex(
      /^\d{1,15}(,\d{1,15}){0,199}$/,
      "`ids` is a comma-separated list of at most 200 event ids.",
    )
    .transform((s) => s.split(",").map(Number))
    .optional(),
});

/**
 * A lead's events, newest first, in keyset pages. The caller has already checked that the actor
 * may see the lead (getLead).
 */
export async function leadTimeline(db: Db, leadId: string, query: z.output<typeof timelineSchema>) {
  const conditions = [eq(events.leadId, leadId)];
  if (query.name) conditions.push(eq(events.name, query.name));
  if (query.ids)
    conditions.push(sql`${events.id} = any(${arrayParam(query.ids, "numeric")}::bigint[])`);
  if (query.before) {
    const before = query.before;
    conditions.push(
      query.beforeId !== undefined
        ? or(
            lt(events.occurredAt, before),
            and(eq(events.occurredAt, before), lt(events.id, query.beforeId)),
          )!
        : lt(events.occurredAt, before),
    );
  }
  const rows = await db
    .select({
      id: events.id,
      name: events.name,
      properties: events.properties,
      occurredAt: events.occurredAt,
      source: events.source,
    })
    .from(events)
    .where(and(...conditions))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(query.limit + 1);
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    events: page,
    next: hasMore && last ? { before: last.occurredAt.toISOString(), beforeId: last.id } : null,
  };
}

/** Event counts by name for one lead (the timeline's filter chips). */
export async function leadEventCounts(db: Db, leadId: string) {
  return db
    .select({ name: events.name, count: sql<number>`count(*)::int` })
    .from(events)
    .where(eq(events.leadId, leadId))
    .groupBy(events.name)
    .orderBy(desc(sql`count(*)`));
}
