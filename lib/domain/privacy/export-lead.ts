/**
 * Everything held on one lead (GDPR art. 15 and 20), as one JSON document: the profile with its
 * consent and traits, the current score with its receipt, and every row of every table about the
 * lead — events, score history, transitions, decisions, touches, assignments, SLA clocks, handoff
 * snapshots and rule hits, the prediction, notifications, webhook messages and audit entries —
 * each as stored (snake_case columns), so nothing is left out by a forgotten field. Exporting is
 * itself audited (counts only).
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { principalLabel, type Principal } from "@/lib/auth/principal";
import { isLeadId } from "@/lib/domain/leads/id";
import { getLeadScore } from "@/lib/domain/scoring/lead-score";
import { AppError } from "@/lib/shared/errors";

type Row = Record<string, unknown>;

/** Admins (people) and API keys with privacy:read. */
export function assertMayExport(principal: Principal): void {
  const allowed =
    principal.kind === "user"
      ? can(principal.user.role, "privacy:manage")
      : principal.key.scopes.includes("privacy:read");
  if (!allowed)
    throw new AppError("forbidden", "Exporting a lead needs an admin or the privacy:read scope.");
}

/** Each table's rows about the lead (`id`: the lead's id as SQL), in a stable order. */
const SECTIONS = {
  events: (id: SQL) =>
    sql`select to_jsonb(t) as row from events t where t.lead_id = ${id} order by t.occurred_at, t.id`,
  scoreHistory: (id: SQL) =>
    sql`select to_jsonb(t) as row from score_history t where t.lead_id = ${id} order by t.at, t.id`,
  transitions: (id: SQL) =>
    sql`select to_jsonb(t) as row from lead_transitions t where t.lead_id = ${id} order by t.at, t.id`,
  decisions: (id: SQL) =>
    sql`select to_jsonb(t) as row from decisions t where t.lead_id = ${id} order by t.at, t.id`,
  touches: (id: SQL) =>
    sql`select to_jsonb(t) as row from touches t where t.lead_id = ${id} order by t.at, t.id`,
  assignments: (id: SQL) =>
    sql`select to_jsonb(t) as row from assignments t where t.lead_id = ${id} order by t.at, t.id`,
  slaClocks: (id: SQL) =>
    sql`select to_jsonb(t) as row from sla_clocks t where t.lead_id = ${id} order by t.started_at, t.id`,
  handoffSnapshots: (id: SQL) =>
    sql`select to_jsonb(t) || jsonb_build_object('rule_hits', coalesce(
          (select jsonb_agg(to_jsonb(h) order by h.rule_id) from mql_rule_hits h
           where h.transition_id = t.transition_id), '[]'::jsonb)) as row
        from mql_snapshots t where t.lead_id = ${id} order by t.computed_at`,
  predictions: (id: SQL) =>
    sql`select to_jsonb(t) as row from lead_predictions t where t.lead_id = ${id}`,
  notifications: (id: SQL) =>
    sql`select to_jsonb(t) as row from notifications t where t.lead_id = ${id} order by t.created_at, t.id`,
  webhookMessages: (id: SQL) =>
    sql`select to_jsonb(t) as row from webhook_messages t where t.lead_id = ${id} order by t.created_at`,
  auditEntries: (id: SQL) =>
    sql`select to_jsonb(t) as row from audit_log t
        where t.target_type = 'lead' and t.target_id = ${id}::text order by t.at, t.id`,
} as const;

export type SectionName = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];
export type LeadExport = {
  exportedAt: string;
  lead: Row;
  score: Row | null;
} & Record<SectionName, Row[]>;

export async function exportLead({
  db,
  principal,
  id,
  now = new Date(),
}: {
  db: Db;
  principal: Principal;
  id: string;
  now?: Date;
}): Promise<LeadExport> {
  assertMayExport(principal);
  if (!isLeadId(id)) throw new AppError("not_found", "No lead with this id.");
  // One snapshot for the whole document (repeatable read), so its parts agree.
  return db.transaction(
    async (tx) => {
      const [lead] = await queryRows<{ row: Row }>(
        tx,
        sql`select to_jsonb(l) - 'erased_at' as row from leads l where l.id = ${id} and l.erased_at is null`,
      );
      if (!lead) throw new AppError("not_found", "No lead with this id.");
      const score = await getLeadScore(tx, id, { receipt: true });
      const sections = {} as Record<SectionName, Row[]>;
      for (const name of SECTION_NAMES)
        sections[name] = (await queryRows<{ row: Row }>(tx, SECTIONS[name](sql`${id}::uuid`))).map(
          (r) => r.row,
        );
      const by = principalLabel(principal);
      const counts = Object.fromEntries(
        Object.entries(sections).map(([name, list]) => [name, list.length]),
      );
      await tx.insert(auditLog).values({
        at: now,
        actorType: by.actorType,
        actorId: by.actorId,
        action: "lead.exported",
        targetType: "lead",
        targetId: id,
        data: counts,
      });
      return {
        exportedAt: now.toISOString(),
        lead: lead.row,
        score: score ? (JSON.parse(JSON.stringify(score)) as Row) : null,
        ...sections,
      };
    },
    { isolationLevel: "repeatable read" },
  );
}
