/**
 * Outcomes a CRM knows and Accord's inbox does not produce: a lead became an opportunity, or a
 * customer (deal won). Each item is validated on its own (errors by index, good items stored) and
 * written as a lifecycle transition with the lead's score at that moment, so the reports read it
 * like any other stage change. The stage only moves forward: a customer stays a customer, but an
 * outcome dated before the lead's current stage is still recorded. The same lead and stage twice is
 * recorded once. The leads are locked (in id order) for the transaction, as decisions lock theirs.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { auditLog, leadTransitions } from "@/db/schema";
import type { LifecycleStage } from "@/lib/shared/vocabulary";
import { fieldErrors, type FieldErrors } from "@/lib/shared/errors";
import { withTxRetry } from "@/lib/domain/ingest/retry";
import { closeClocks } from "@/lib/domain/sla/clocks";
import {
  outcomeInputSchema,
  type OutcomeInput,
  type OutcomeLeadRef,
  type OutcomeStage,
} from "./outcome-schemas";

export type OutcomeActor = { actorType: "user" | "api_key"; actorId: string };
export type OutcomeError = { index: number; message: string; fields?: FieldErrors };
export type RecordOutcomesResult = { recorded: number; skipped: number; errors: OutcomeError[] };

export const OUTCOME_REASON: Record<OutcomeStage, string> = {
  opportunity: "crm_opportunity",
  customer: "crm_won",
};

/** How far along the funnel a stage is; the side exits rank with `lead`, so a CRM win moves them on. */
const RANK: Record<LifecycleStage, number> = {
  subscriber: 0,
  lead: 1,
  recycled: 1,
  disqualified: 1,
  lost: 5,
  mql: 2,
  sal: 3,
  sql: 4,
  opportunity: 5,
  customer: 6,
};

/** A client clock a little ahead of ours is not "the future". */
const CLOCK_SKEW_MS = 60_000;

type LockedRow = {
  id: string;
  email: string | null;
  externalId: string | null;
  stage: LifecycleStage;
  scoreTotal: number | null;
  scoreFit: number | null;
  scoreEngagement: number | null;
  scoreVersion: number | null;
};

const describeRef = (ref: OutcomeLeadRef) =>
  ref.id ? `id ${ref.id}` : ref.email ? `email ${ref.email}` : `external id ${ref.externalId}`;

export async function recordOutcomes(
  db: Db,
  items: unknown[],
  actor: OutcomeActor,
  now: Date = new Date(),
): Promise<RecordOutcomesResult> {
  const errors: OutcomeError[] = [];
  const valid: { index: number; item: OutcomeInput }[] = [];
  items.forEach((raw, index) => {
    const parsed = outcomeInputSchema.safeParse(raw);
    if (!parsed.success)
      errors.push({
        index,
        message: parsed.error.issues[0].message,
        fields: fieldErrors(parsed.error),
      });
    else if (parsed.data.at && parsed.data.at.getTime() > now.getTime() + CLOCK_SKEW_MS)
      errors.push({
        index,
        message: "at is in the future.",
        fields: { at: ["at is in the future."] },
      });
    else valid.push({ index, item: parsed.data });
  });
  if (!valid.length) return { recorded: 0, skipped: 0, errors };

  const written = await withTxRetry(() =>
    db.transaction((tx) => writeOutcomes(tx, valid, actor, now)),
  );
  errors.push(...written.errors);
  errors.sort((a, b) => a.index - b.index);
  return { recorded: written.recorded, skipped: written.skipped, errors };
}

async function writeOutcomes(
  tx: Queryable,
  valid: { index: number; item: OutcomeInput }[],
  actor: OutcomeActor,
  now: Date,
): Promise<RecordOutcomesResult> {
  const locked = await lockNamedLeads(
    tx,
    valid.map((v) => v.item.lead),
  );
  const byKey = new Map<string, LockedRow>();
  for (const row of locked) {
    byKey.set(`id:${row.id}`, row);
    if (row.email) byKey.set(`email:${row.email}`, row);
    if (row.externalId) byKey.set(`ext:${row.externalId}`, row);
  }
  const done = await reachedOutcomes(
    tx,
    locked.map((l) => l.id),
  );
  const [active] = await queryRows<{ version: number | null }>(
    tx,
    sql`select max(version) as version from model_versions`,
  );

  const errors: OutcomeError[] = [];
  const transitions: (typeof leadTransitions.$inferInsert)[] = [];
  const moved = new Map<string, LifecycleStage>();
  let skipped = 0;
  for (const { index, item } of valid) {
    const ref = item.lead;
    const lead = byKey.get(
      ref.id ? `id:${ref.id}` : ref.email ? `email:${ref.email}` : `ext:${ref.externalId}`,
    );
    if (!lead) {
      errors.push({ index, message: `No lead with ${describeRef(ref)}.` });
      continue;
    }
    if (done.has(`${lead.id}:${item.stage}`)) {
      skipped++;
      continue;
    }
    done.add(`${lead.id}:${item.stage}`);
    transitions.push({
      leadId: lead.id,
      at: item.at ?? now,
      fromStage: lead.stage,
      toStage: item.stage,
      actorType: actor.actorType,
      actorId: actor.actorId,
      reason: OUTCOME_REASON[item.stage],
      note: item.note || null,
      scoreTotal: lead.scoreTotal,
      scoreFit: lead.scoreFit,
      scoreEngagement: lead.scoreEngagement,
      modelVersion: lead.scoreVersion ?? active?.version ?? null,
      data: { source: "crm" },
    });
    if (RANK[item.stage] > RANK[lead.stage]) {
      lead.stage = item.stage;
      moved.set(lead.id, item.stage);
    }
  }
  if (transitions.length) {
    await tx.insert(leadTransitions).values(transitions);
    await tx.insert(auditLog).values(
      transitions.map((t) => ({
        at: now,
        actorType: actor.actorType,
        actorId: actor.actorId,
        action: `lead.${t.reason}`,
        targetType: "lead",
        targetId: t.leadId,
        data: {
          from: t.fromStage,
          to: t.toStage,
          at: (t.at as Date).toISOString(),
          scoreTotal: t.scoreTotal,
          modelVersion: t.modelVersion,
        },
      })),
    );
  }
  if (moved.size) {
    const ids = [...moved.keys()];
    await tx.execute(sql`
      update leads set lifecycle_stage = m.stage::lifecycle_stage, updated_at = ${now.toISOString()}::timestamptz
      from unnest(${arrayParam(ids, "uuid")}, ${arrayParam(
        ids.map((id) => moved.get(id)!),
        "text",
      )}) as m(id, stage)
      where leads.id = m.id`);
    // A lead the CRM has taken past the inbox no longer owes a first touch.
    await closeClocks(tx, ids, now, "crm_outcome");
  }
  return { recorded: transitions.length, skipped, errors };
}

/** The named leads with their stage and current score, locked in id order for the transaction. */
async function lockNamedLeads(tx: Queryable, refs: OutcomeLeadRef[]): Promise<LockedRow[]> {
  const ids = [...new Set(refs.flatMap((r) => (r.id ? [r.id] : [])))];
  const emails = [...new Set(refs.flatMap((r) => (r.email ? [r.email] : [])))];
  const externals = [...new Set(refs.flatMap((r) => (r.externalId ? [r.externalId] : [])))];
  return queryRows<LockedRow>(
    tx,
    sql`select l.id, l.email, l.external_id as "externalId", l.lifecycle_stage as stage,
               s.total as "scoreTotal", s.fit as "scoreFit", s.engagement as "scoreEngagement", s.model_version as "scoreVersion"
        from leads l left join lead_scores s on s.lead_id = l.id
        where l.id = any(${arrayParam(ids, "uuid")}) or l.email = any(${arrayParam(emails, "text")}) or l.external_id = any(${arrayParam(externals, "text")})
        order by l.id
        for update of l`,
  );
}

/** "leadId:stage" for every CRM outcome stage these leads already have a transition to. */
async function reachedOutcomes(tx: Queryable, leadIds: string[]): Promise<Set<string>> {
  if (!leadIds.length) return new Set();
  const rows = await queryRows<{ key: string }>(
    tx,
    sql`select distinct lead_id::text || ':' || to_stage::text as key from lead_transitions
        where lead_id = any(${arrayParam(leadIds, "uuid")}) and to_stage in ('opportunity', 'customer')`,
  );
  return new Set(rows.map((r) => r.key));
}
