/**
 * Editing the reason lists (admins and managers): add, relabel, move, archive or restore, and
 * remove. Positions stay a dense 0…n-1 sequence per kind. A reason that a decision has used is
 * archived rather than deleted, so past decisions keep their meaning.
 */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { auditLog, reasons } from "@/db/schema";
import { pgCode, UNIQUE_VIOLATION } from "@/db/pg-errors";
import type { ReasonKind } from "@/lib/shared/vocabulary";
import type { Actor } from "@/lib/auth/principal";
import { AppError } from "@/lib/shared/errors";
import { assertCan, parseInput } from "@/lib/auth/guard";
import { reasonView, type ReasonView } from "./list-reasons";
import { reasonCreateSchema, reasonUpdateSchema } from "./schemas";

type Editor = Pick<Actor, "id" | "role">;

/** Rewrites the positions of a kind's list with `id` placed at `position`. */
async function placeAt(
  tx: Queryable,
  kind: ReasonKind,
  id: number,
  position: number,
): Promise<void> {
  const others = await tx
    .select({ id: reasons.id })
    .from(reasons)
    .where(and(eq(reasons.kind, kind), ne(reasons.id, id)))
    .orderBy(asc(reasons.position), asc(reasons.id));
  const order = others.map((o) => o.id);
  order.splice(Math.min(position, order.length), 0, id);
  for (const [i, rid] of order.entries())
    await tx.update(reasons).set({ position: i }).where(eq(reasons.id, rid));
}

async function audit(
  tx: Queryable,
  actor: Editor,
  action: string,
  id: number,
  data: Record<string, unknown>,
) {
  await tx.insert(auditLog).values({
    actorType: "user",
    actorId: actor.id,
    action,
    targetType: "reason",
    targetId: String(id),
    data,
  });
}

export async function createReason({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Editor;
  input: unknown;
}): Promise<ReasonView> {
  assertCan(actor, "settings:sales");
  const data = parseInput(reasonCreateSchema, input);
  const taken = (archived: boolean) =>
    new AppError("conflict", "This code is already on the list.", {
      code: [
        `“${data.code}” is already a ${data.kind} reason${archived ? " (archived: restore it instead)" : ""}.`,
      ],
    });
  // Two people adding the same code at once: the one whose insert loses the race gets the same 409.
  const created = db.transaction(async (tx) => {
    const [exists] = await tx
      .select()
      .from(reasons)
      .where(and(eq(reasons.kind, data.kind), eq(reasons.code, data.code)));
    if (exists) throw taken(Boolean(exists.archivedAt));
    const [row] = await tx
      .insert(reasons)
      .values({
        kind: data.kind,
        code: data.code,
        labelEn: data.labels.en,
        labelFr: data.labels.fr,
        position: 1_000_000,
      })
      .returning();
    await placeAt(tx, data.kind, row.id, data.position ?? Number.MAX_SAFE_INTEGER);
    await audit(tx, actor, "reason.created", row.id, { kind: data.kind, code: data.code });
    const [saved] = await tx.select().from(reasons).where(eq(reasons.id, row.id));
    return reasonView(saved);
  });
  return created.catch((error: unknown) => {
    throw pgCode(error) === UNIQUE_VIOLATION ? taken(false) : error;
  });
}

export async function updateReason({
  db,
  actor,
  id,
  input,
  now = new Date(),
}: {
  db: Db;
  actor: Editor;
  id: number;
  input: unknown;
  now?: Date;
}): Promise<ReasonView> {
  assertCan(actor, "settings:sales");
  const data = parseInput(reasonUpdateSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(reasons).where(eq(reasons.id, id)).for("update");
    if (!row) throw new AppError("not_found", "No reason with this id.");
    const changes = {
      ...(data.labels?.en ? { labelEn: data.labels.en } : {}),
      ...(data.labels?.fr ? { labelFr: data.labels.fr } : {}),
      ...(data.archived === undefined
        ? {}
        : { archivedAt: data.archived ? (row.archivedAt ?? now) : null }),
    };
    // A move alone changes no column here (drizzle refuses an empty SET): placeAt does the work.
    if (Object.keys(changes).length)
      await tx.update(reasons).set(changes).where(eq(reasons.id, id));
    if (data.position !== undefined) await placeAt(tx, row.kind, id, data.position);
    await audit(tx, actor, "reason.updated", id, data as Record<string, unknown>);
    const [saved] = await tx.select().from(reasons).where(eq(reasons.id, id));
    return reasonView(saved);
  });
}

/** Deletes a reason no decision has used; archives one that has. */
export async function removeReason({
  db,
  actor,
  id,
  now = new Date(),
}: {
  db: Db;
  actor: Editor;
  id: number;
  now?: Date;
}): Promise<{ deleted: boolean; reason: ReasonView | null }> {
  assertCan(actor, "settings:sales");
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(reasons).where(eq(reasons.id, id)).for("update");
    if (!row) throw new AppError("not_found", "No reason with this id.");
    const [used] = await queryRows(
      tx,
      sql`select 1 from decisions where reason_code = ${row.code} and kind::text = ${row.kind} limit 1`,
    );
    if (used) {
      const [archived] = await tx
        .update(reasons)
        .set({ archivedAt: row.archivedAt ?? now })
        .where(eq(reasons.id, id))
        .returning();
      await audit(tx, actor, "reason.archived", id, { code: row.code });
      return { deleted: false, reason: reasonView(archived) };
    }
    await tx.delete(reasons).where(eq(reasons.id, id));
    await placeAt(tx, row.kind, -1, Number.MAX_SAFE_INTEGER);
    await audit(tx, actor, "reason.deleted", id, { code: row.code });
    return { deleted: true, reason: null };
  });
}
