/** A person's in-app notifications (SLA breaches for managers), newest first, and marking them read. */
import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { notifications } from "@/db/schema";

export type NotificationView = {
  id: number;
  kind: string;
  leadId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
};

export async function listNotifications(
  db: Queryable,
  userId: string,
  options: { unreadOnly?: boolean; before?: number; limit?: number } = {},
): Promise<{ items: NotificationView[]; unread: number }> {
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        options.unreadOnly ? isNull(notifications.readAt) : undefined,
        options.before ? lt(notifications.id, options.before) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(Math.min(options.limit ?? 50, 200));
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`,
  );
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      leadId: n.leadId,
      data: n.data,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    unread: Number(count?.n ?? 0),
  };
}

/** Marks the given notifications (or all) of this person read; returns how many changed. */
export async function markNotificationsRead(
  db: Queryable,
  userId: string,
  ids: number[] | "all",
  now: Date,
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === "all" ? undefined : inArray(notifications.id, ids.length ? ids : [-1]),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
