/**
 * Outcomes a CRM knows: every step of a lead's history (handed over, accepted, qualified, rejected
 * or disqualified with a reason code, opportunity, won — `customer` is its older name — and lost),
 * each at its date. Each item is validated on its own (errors by index, good items stored) and
 * written as a lifecycle transition with the lead's score at that moment, so the reports read it
 * like any other stage change. The stage only moves forward (a customer stays a customer), except
 * for an exit (rejected, disqualified, lost) dated after the lead's last step; an outcome dated
 * before the lead's current stage is still recorded. Idempotent: the same lead, stage and date is
 * recorded once (without `at`, the same lead and stage at any date). The leads are locked (in id
 * order) for the transaction, as decisions lock theirs.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { auditLog, leadTransitions } from "@/db/schema";
import type { LifecycleStage } from "@/lib/shared/vocabulary";
import { fieldErrors, type FieldErrors } from "@/lib/shared/errors";
import { storable } from "@/lib/shared/storable-text";
import { withTxRetry } from "@/lib/domain/ingest/retry";
import { closeClocks } from "@/lib/domain/sla/clocks";
import { reasons } from "@/db/schema";
import { HISTORY_LIFECYCLE } from "./history-stages";
import {
  outcomeInputSchema,
  type OutcomeInput,
  type OutcomeLeadRef,
  type OutcomeStage,
} from "./outcome-schemas";

const outcomeItemSchema = storable(outcomeInputSchema);

export type OutcomeActor = { actorType: "user" | "api_key"; actorId: string };
export type OutcomeError = { index: number; message: string; fields?: FieldErrors };
export type RecordOutcomesResult = { recorded: number; skipped: number; errors: OutcomeError[] };

/** The lifecycle stage and transition reason of each outcome stage (`customer` = won). */
export const OUTCOME_LIFECYCLE: Record<OutcomeStage, { stage: LifecycleStage; reason: string }> = {
  ...HISTORY_LIFECYCLE,
  handed_over: { stage: "mql", reason: "crm_handoff" },
  customer: HISTORY_LIFECYCLE.won,
};

/** Stages a lead leaves the funnel by: the latest one wins even when it ranks lower. */
const EXITS = new Set<LifecycleStage>(["recycled", "disqualified", "lost"]);

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
  /** Epoch ms of the lead's latest transition. */
  lastMs: number | null;
};

/** Which reason list a stage's reason code comes from. */
const REASON_KIND: Partial<Record<OutcomeStage, "reject" | "disqualify">> = {
  rejected: "reject",
  disqualified: "disqualify",
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
    const parsed = outcomeItemSchema.safeParse(raw);
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
  const needCodes = valid.some((v) => v.item.reasonCode && REASON_KIND[v.item.stage]);
  if (needCodes) {
    const rows = await db.select({ kind: reasons.kind, code: reasons.code }).from(reasons);
    const known = new Set(rows.map((r) => `${r.kind}:${r.code}`));
    for (let i = valid.length - 1; i >= 0; i--) {
      const { index, item } = valid[i];
      const kind = REASON_KIND[item.stage];
      if (kind && !known.has(`${kind}:${item.reasonCode}`)) {
        const message = `“${item.reasonCode}” is not on the ${kind} reason list.`;
        errors.push({ index, message, fields: { reasonCode: [message] } });
        valid.splice(i, 1);
      }
    }
    if (!valid.length) {
      errors.sort((a, b) => a.index - b.index);
      return { recorded: 0, skipped: 0, errors };
    }
  }

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
    sql`select max(version) as version from model_versions where state = 'live'`,
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
    const target = OUTCOME_LIFECYCLE[item.stage];
    const at = item.at ?? now;
    // With a date: the same lead, stage and date; without: the same lead and stage (a retry).
    const key = `${lead.id}:${target.stage}`;
    const dated = `${key}@${at.getTime()}`;
    if (done.has(dated) || (!item.at && done.has(key))) {
      skipped++;
      continue;
    }
    done.add(dated);
    done.add(key);
    transitions.push({
      leadId: lead.id,
      at,
      fromStage: lead.stage,
      toStage: target.stage,
      actorType: actor.actorType,
      actorId: actor.actorId,
      reason: target.reason,
      note: item.note || null,
      scoreTotal: lead.scoreTotal,
      scoreFit: lead.scoreFit,
      scoreEngagement: lead.scoreEngagement,
      modelVersion: lead.scoreVersion ?? active?.version ?? null,
      data: item.reasonCode ? { source: "crm", reasonCode: item.reasonCode } : { source: "crm" },
    });
    const latest = lead.lastMs === null || at.getTime() >= Number(lead.lastMs);
    if (
      target.stage !== lead.stage &&
      (RANK[target.stage] > RANK[lead.stage] || (EXITS.has(target.stage) && latest))
    ) {
      lead.stage = target.stage;
      moved.set(lead.id, target.stage);
    }
    if (latest) lead.lastMs = at.getTime();
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

/**
 * The named leads with their stage and current score, locked in id order for the transaction
 * (an erased lead is not named: its outcomes answer "unknown lead").
 */
async function lockNamedLeads(tx: Queryable, refs: OutcomeLeadRef[]): Promise<LockedRow[]> {
  const ids = [...new Set(refs.flatMap((r) => (r.id ? [r.id] : [])))];
  const emails = [...new Set(refs.flatMap((r) => (r.email ? [r.email] : [])))];
  const externals = [...new Set(refs.flatMap((r) => (r.externalId ? [r.externalId] : [])))];
  return queryRows<LockedRow>(
    tx,
    sql`select l.id, l.email, l.external_id as "externalId", l.lifecycle_stage as stage,
               s.total as "scoreTotal", s.fit as "scoreFit", s.engagement as "scoreEngagement", s.model_version as "scoreVersion",
               (select (extract(epoch from max(x.at)) * 1000)::float8 from lead_transitions x where x.lead_id = l.id) as "lastMs"
        from leads l left join lead_scores s on s.lead_id = l.id
        where (l.id = any(${arrayParam(ids, "uuid")}) or l.email = any(${arrayParam(emails, "text")}) or l.external_id = any(${arrayParam(externals, "text")}))
          and l.erased_at is null
        order by l.id
        for update of l`,
  );
}

/**
 * "leadId:stage" and "leadId:stage@epochMs" for every transition these leads already have, so an
 * outcome is recorded once per lead, stage and date (and once per lead and stage without a date).
 */
async function reachedOutcomes(tx: Queryable, leadIds: string[]): Promise<Set<string>> {
  if (!leadIds.length) return new Set();
  const rows = await queryRows<{ key: string; ms: string }>(
    tx,
    sql`select lead_id::text || ':' || to_stage::text as key,
               (extract(epoch from at) * 1000)::bigint::text as ms
        from lead_transitions where lead_id = any(${arrayParam(leadIds, "uuid")})`,
  );
  return new Set(rows.flatMap((r) => [r.key, `${r.key}@${r.ms}`]));
}
