/**
 * The breach sweep, run every minute (lib/server/jobs.ts) and by tests with any `now`. It first
 * starts the clocks open MQLs lack (data from before clocks existed), then marks breaches. Each breach
 * is marked by an UPDATE whose WHERE requires it unmarked, so it is recorded once: a concurrent
 * sweep waits on the row and then finds nothing to do. For each breach the team's managers (or,
 * without one, the admins) get an in-app notification, the audit log a row, and — when the
 * policy says so — the lead goes to the next rep of the team's rotation with a fresh clock. Each
 * breach, and each reassignment it causes, is a webhook event (sla.breached, lead.reassigned).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { auditLog, notifications } from "@/db/schema";
import { assignLead, nextRepOf } from "@/lib/domain/routing/assign-lead";
import { emitBreaches } from "@/lib/domain/webhooks/lead-events";
import { startMissingClocks } from "./clocks";

export type BreachKind = "first_touch" | "touches";
export type Breach = {
  clockId: number;
  kind: BreachKind;
  leadId: string;
  userId: string | null;
  teamId: string | null;
  due: string;
  reassignedTo: string | null;
};
export type SweepResult = { breaches: Breach[]; notified: number; reassigned: number };

type BreachRow = {
  id: number;
  lead_id: string;
  user_id: string | null;
  team_id: string | null;
  due: Date | string;
  reassign_on_breach: boolean;
};

const iso = (v: Date | string) => new Date(v).toISOString();

async function markBreaches(
  tx: Queryable,
  now: Date,
): Promise<{ row: BreachRow; kind: BreachKind }[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  // Lock the leads first, in id order, as decisions and touches do (lead, then clock): taking the
  // clocks first would deadlock against a rep deciding on the same lead at that moment.
  const due = await queryRows<{ lead_id: string }>(
    tx,
    sql`select distinct lead_id from sla_clocks
        where closed_at is null
          and ((first_touch_at is null and breached_first_touch_at is null and first_touch_due <= ${at})
               or (breached_touches_at is null and touches_due_by <= ${at}))`,
  );
  if (!due.length) return [];
  const leadIds = arrayParam(due.map((d) => d.lead_id).sort(), "uuid");
  await tx.execute(sql`select id from leads where id = any(${leadIds}) order by id for update`);
  const first = await queryRows<BreachRow>(
    tx,
    sql`update sla_clocks set breached_first_touch_at = ${at}
        where lead_id = any(${leadIds}) and closed_at is null and first_touch_at is null and breached_first_touch_at is null and first_touch_due <= ${at}
        returning id, lead_id, user_id, team_id, first_touch_due as due, reassign_on_breach`,
  );
  const touches = await queryRows<BreachRow>(
    tx,
    sql`update sla_clocks c set breached_touches_at = ${at}
        where c.lead_id = any(${leadIds}) and c.closed_at is null and c.breached_touches_at is null and c.touches_due_by <= ${at}
          and (select count(*) from touches t where t.lead_id = c.lead_id and t.at >= c.started_at and t.at <= c.touches_due_by) < c.min_touches
        returning c.id, c.lead_id, c.user_id, c.team_id, c.touches_due_by as due, c.reassign_on_breach`,
  );
  return [
    ...first.map((row) => ({ row, kind: "first_touch" as const })),
    ...touches.map((row) => ({ row, kind: "touches" as const })),
  ];
}

export async function sweepBreaches(db: Db, now: Date): Promise<SweepResult> {
  return db.transaction(async (tx) => {
    await startMissingClocks(tx, now);
    const marked = await markBreaches(tx, now);
    if (!marked.length) return { breaches: [], notified: 0, reassigned: 0 };
    const leadIds = [...new Set(marked.map((m) => m.row.lead_id))];
    const leadInfo = new Map(
      (
        await queryRows<{ id: string; name: string; stage: string; owner_id: string | null }>(
          tx,
          sql`select id, coalesce(nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), email, external_id) as name,
                     lifecycle_stage as stage, owner_id
              from leads where id = any(${arrayParam(leadIds, "uuid")})`,
        )
      ).map((l) => [l.id, l]),
    );
    const people = new Map(
      (
        await queryRows<{ id: string; name: string; role: string; team_id: string | null }>(
          tx,
          sql`select id, name, role, team_id from users where active`,
        )
      ).map((u) => [u.id, u]),
    );
    const managersOf = (teamId: string | null) => {
      const managers = [...people.values()].filter(
        (u) => u.role === "manager" && teamId && u.team_id === teamId,
      );
      return managers.length ? managers : [...people.values()].filter((u) => u.role === "admin");
    };

    // Reassign first (once per lead), so notifications can say where the lead went.
    const reassignedTo = new Map<string, string | null>();
    for (const { row } of marked) {
      const lead = leadInfo.get(row.lead_id);
      if (
        !row.reassign_on_breach ||
        reassignedTo.has(row.lead_id) ||
        !row.team_id ||
        !lead ||
        lead.stage !== "mql" ||
        lead.owner_id !== row.user_id
      )
        continue;
      const next = await nextRepOf(tx, row.team_id, row.user_id, now);
      reassignedTo.set(row.lead_id, next);
      if (next)
        await assignLead(tx, {
          leadId: row.lead_id,
          userId: next,
          teamId: row.team_id,
          reason: "sla_breach",
          actor: { actorType: "system", actorId: null },
          now,
        });
    }

    const breaches: Breach[] = marked.map(({ row, kind }) => ({
      clockId: Number(row.id),
      kind,
      leadId: row.lead_id,
      userId: row.user_id,
      teamId: row.team_id,
      due: iso(row.due),
      reassignedTo: reassignedTo.get(row.lead_id) ?? null,
    }));
    const notes = breaches.flatMap((b) =>
      managersOf(b.teamId).map((m) => ({
        userId: m.id,
        kind: `sla_breach_${b.kind}`,
        leadId: b.leadId,
        createdAt: now,
        data: {
          clockId: b.clockId,
          breach: b.kind,
          due: b.due,
          leadName: leadInfo.get(b.leadId)?.name ?? null,
          repId: b.userId,
          repName: (b.userId && people.get(b.userId)?.name) || null,
          reassignedToId: b.reassignedTo,
          reassignedToName: (b.reassignedTo && people.get(b.reassignedTo)?.name) || null,
        },
      })),
    );
    if (notes.length) await tx.insert(notifications).values(notes);
    await tx.insert(auditLog).values(
      breaches.map((b) => ({
        at: now,
        actorType: "system",
        action: `sla.breached.${b.kind}`,
        targetType: "lead",
        targetId: b.leadId,
        data: { clockId: b.clockId, repId: b.userId, due: b.due, reassignedTo: b.reassignedTo },
      })),
    );
    await emitBreaches(
      tx,
      breaches.map((b) => ({
        leadId: b.leadId,
        kind: b.kind,
        due: b.due,
        repId: b.userId,
        reassignedTo: b.reassignedTo,
      })),
      now,
    );
    return {
      breaches,
      notified: notes.length,
      reassigned: [...reassignedTo.values()].filter(Boolean).length,
    };
  });
}
