/** A lead's SLA as the API and the lead page show it: the current clock and every earlier one. */
import { asc, eq, sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { slaClocks, type SlaClock } from "@/db/schema";

export type ClockView = {
  id: number;
  userId: string | null;
  policy: string;
  startedAt: string;
  firstTouchDue: string;
  touchesDueBy: string;
  firstTouchAt: string | null;
  touchesDone: number;
  touchesRequired: number;
  breachedFirstTouchAt: string | null;
  breachedTouchesAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
};

export type LeadSla = { current: ClockView | null; history: ClockView[] };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getLeadSla(db: Queryable, leadId: string): Promise<LeadSla> {
  const clocks = await db
    .select()
    .from(slaClocks)
    .where(eq(slaClocks.leadId, leadId))
    .orderBy(asc(slaClocks.startedAt), asc(slaClocks.id));
  const counts = await queryRows<{ id: number; n: number }>(
    db,
    sql`select c.id, (select count(*)::int from touches t where t.lead_id = c.lead_id and t.at >= c.started_at and (c.closed_at is null or t.at <= c.closed_at)) as n
        from sla_clocks c where c.lead_id = ${leadId}`,
  );
  const done = new Map(counts.map((c) => [Number(c.id), Number(c.n)]));
  const view = (c: SlaClock): ClockView => ({
    id: c.id,
    userId: c.userId,
    policy: c.policyName,
    startedAt: c.startedAt.toISOString(),
    firstTouchDue: c.firstTouchDue.toISOString(),
    touchesDueBy: c.touchesDueBy.toISOString(),
    firstTouchAt: iso(c.firstTouchAt),
    touchesDone: done.get(c.id) ?? 0,
    touchesRequired: c.minTouches,
    breachedFirstTouchAt: iso(c.breachedFirstTouchAt),
    breachedTouchesAt: iso(c.breachedTouchesAt),
    closedAt: iso(c.closedAt),
    closeReason: c.closeReason,
  });
  const history = clocks.map(view);
  return { current: history.find((c) => c.closedAt === null) ?? null, history };
}
