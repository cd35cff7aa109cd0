/**
 * What each rule of the active model saw at each handoff: for an event rule, how many matching
 * events the lead had done by then (its `withinDays` window ending at the handoff; decay and caps
 * left out — this is evidence, not a score); for an attribute rule, 1 when the lead matches.
 * Computed in SQL in batches for handoffs without a snapshot under the active model, so rule lift
 * and the predictive score read a small table instead of the event log, and never see what the
 * lead did after it was handed over.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { arrayParam } from "@/db/sql-array";
import { fieldSql } from "@/lib/domain/scoring/field-sql";
import { isActive, type Rule, type ScoringModel } from "@/lib/domain/scoring/model";
import { conditionSql, jsonTextSql, seenFromText } from "@/lib/domain/scoring/sql-conditions";
import { getActiveModel } from "@/lib/domain/scoring/versions";

const BATCH = 5_000;

function eventMatch(rule: Extract<Rule, { kind: "event" }>): SQL {
  const parts = [
    sql`e.name = ${rule.event}::text`,
    ...(rule.where ?? []).map((c) =>
      conditionSql(c, seenFromText(jsonTextSql(sql`e.properties`, c.property.split(".")))),
    ),
  ];
  if (rule.withinDays)
    parts.push(sql`e.occurred_at >= p.at - make_interval(days => ${rule.withinDays}::int)`);
  return sql.join(parts, sql` and `);
}

/**
 * Rows (id, rule_id, hits), hits > 0 only, for `rows`: a query with columns (id, lead_id, at) —
 * handoffs as of their handoff, or leads as of now (the predictive score). Events after `at` are
 * never counted; attribute rules read the lead as it is. One scan of those leads' events up to
 * `at`, one filtered count per event rule (a correlated count per rule was 20× slower).
 */
export function ruleHitsSql(model: ScoringModel, rows: SQL): SQL | null {
  const rules = model.rules.filter(isActive);
  if (!rules.length) return null;
  const names = [...new Set(rules.flatMap((r) => (r.kind === "event" ? [r.event] : [])))];
  const counts = rules.flatMap((rule, k) =>
    rule.kind === "event"
      ? [sql`, count(*) filter (where ${eventMatch(rule)})::int as ${sql.raw(`h${k}`)}`]
      : [],
  );
  const columns = rules.map((rule, k) => {
    const c = sql.raw(`h${k}`);
    if (rule.kind === "attribute")
      return sql`(case when ${conditionSql(rule, fieldSql(rule.field))} then 1 else 0 end) as ${c}`;
    return sql`coalesce(a.${c}, 0) as ${c}`;
  });
  const values = rules.map((rule, k) => sql`(${rule.id}::text, ${sql.raw(`h${k}`)})`);
  const events = names.length
    ? sql`left join (
        select p.id${sql.join(counts, sql``)}
        from pending p join events e on e.lead_id = p.lead_id and e.occurred_at <= p.at and e.name = any(${arrayParam(names, "text")})
        group by p.id
      ) a on a.id = p.id`
    : sql``;
  return sql`
    with pending as materialized (${rows})
    select x.id, v.rule_id, v.hits
    from (
      select p.id, ${sql.join(columns, sql`, `)}
      from pending p join leads on leads.id = p.lead_id
      ${events}
    ) x
    cross join lateral (values ${sql.join(values, sql`, `)}) v(rule_id, hits)
    where v.hits > 0`;
}

export type SnapshotResult = { version: number | null; computed: number; ms: number };

/** Handoffs whose snapshot is missing or under another version than `version`. */
const stale = (version: number) =>
  sql`from lead_transitions t left join mql_snapshots s on s.transition_id = t.id
      where t.to_stage = 'mql' and (s.transition_id is null or s.model_version <> ${version}::int)`;

/**
 * Brings every handoff's snapshot up to the active model; returns how many were (re)computed.
 * `onProgress(done, total)` is told after each batch.
 */
export async function refreshMqlSnapshots(
  db: Queryable,
  now = new Date(),
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<SnapshotResult> {
  const started = performance.now();
  const active = await getActiveModel(db);
  if (!active) return { version: null, computed: 0, ms: 0 };
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total ${stale(active.version)}`,
  );
  await onProgress?.(0, total);
  let computed = 0;
  for (;;) {
    const batch = await queryRows<{ id: number }>(
      db,
      sql`select t.id ${stale(active.version)} order by t.id limit ${BATCH}::int`,
    );
    if (!batch.length) break;
    const ids = arrayParam(
      batch.map((b) => String(b.id)),
      "bigint",
    );
    const pending = sql`select id, lead_id, at from lead_transitions where id = any(${ids})`;
    // One transaction per batch: a report reading meanwhile sees each handoff's snapshot whole,
    // under the old model or the new, never deleted and not yet rewritten.
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from mql_snapshots where transition_id = any(${ids})`);
      await tx.execute(
        sql`insert into mql_snapshots (transition_id, lead_id, model_version, computed_at)
            select id, lead_id, ${active.version}::int, ${now.toISOString()}::timestamptz from (${pending}) p`,
      );
      const hits = ruleHitsSql(active.model, pending);
      if (hits)
        await tx.execute(
          sql`insert into mql_rule_hits (transition_id, rule_id, hits) select id, rule_id, hits from (${hits}) h`,
        );
    });
    computed += batch.length;
    await onProgress?.(computed, Math.max(total, computed));
  }
  return { version: active.version, computed, ms: Math.round(performance.now() - started) };
}
