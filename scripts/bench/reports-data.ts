/**
 * The reports' benchmark data on top of the 100,000 generated leads: 25,000 handoffs over 300 days
 * (~20,000 decided, the rest open), their later stages, assignments to 40 reps in 5 teams, SLA
 * clocks, reject / disqualify decisions with reasons, and rule-hit snapshots for every handoff under
 * the active model. Set-based INSERT … SELECT, deterministic (setseed).
 */
import type { Sql } from "postgres";
import { BENCH_AS_OF } from "./data";
import { BENCH_MODEL } from "./model";

export const REPORT_HANDOFFS = 25_000;

export async function generateReportData(sql: Sql, log: (m: string) => void) {
  const t = performance.now();
  const asOf = `'${BENCH_AS_OF.toISOString()}'::timestamptz`;
  const ruleIds = `array[${BENCH_MODEL.rules.map((r) => `'${r.id}'`).join(",")}]`;
  await sql.unsafe(`select setseed(0.77)`);
  await sql.unsafe(
    `insert into model_versions (version, document, author_label) values (1, '${JSON.stringify(BENCH_MODEL).replace(/'/g, "''")}'::jsonb, 'bench')`,
  );
  await sql.unsafe(
    `insert into teams (id, name) select md5('bench-team-' || i)::uuid, 'Team ' || i from generate_series(1, 5) i`,
  );
  await sql.unsafe(
    `insert into users (id, email, name, role, team_id) select md5('bench-rep-' || i)::uuid, 'rep' || i || '@bench.test', 'Rep ' || i, 'rep', md5('bench-team-' || (1 + i % 5))::uuid from generate_series(1, 40) i`,
  );
  // Every lead entered the funnel once; a quarter were handed over.
  await sql.unsafe(
    `insert into lead_transitions (lead_id, at, to_stage, actor_type, reason) select id, created_at, 'lead', 'system', 'created' from leads`,
  );
  await sql.unsafe(`
    create temporary table bh as
    select i, md5('bench-lead-' || i)::uuid as lead_id, ${asOf} - interval '300 days' * random() as mql_at,
           round((30 + random() * 120)::numeric, 1)::float8 as total, round((random() * 60)::numeric, 1)::float8 as fit,
           random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, 1 + (i % 40) as rep
    from generate_series(1, ${REPORT_HANDOFFS}) i`);
  await sql.unsafe(`insert into lead_transitions (lead_id, at, from_stage, to_stage, actor_type, reason, score_total, score_fit, model_version)
    select lead_id, mql_at, 'lead', 'mql', 'system', 'threshold_reached', total, fit, 1 from bh`);
  // Outcomes: 80 % decided (accepted with a chance growing with the score, else recycled / disqualified).
  const stage = (to: string, when: string, cond: string) =>
    sql.unsafe(
      `insert into lead_transitions (lead_id, at, to_stage, actor_type, reason) select lead_id, mql_at + ${when}, '${to}', 'user', 'bench' from bh where ${cond}`,
    );
  const accepted = `r1 < 0.8 and r2 < 0.3 + total / 300`;
  await stage("sal", "interval '1 day'", accepted);
  await stage("sql", "interval '5 days'", `${accepted} and r3 < 0.6`);
  await stage("opportunity", "interval '12 days'", `${accepted} and r3 < 0.4`);
  await stage("customer", "interval '40 days'", `${accepted} and r3 < 0.15`);
  await stage("recycled", "interval '2 days'", `r1 < 0.8 and not (${accepted}) and r4 < 0.7`);
  await stage("disqualified", "interval '2 days'", `r1 < 0.8 and not (${accepted}) and r4 >= 0.7`);
  await sql.unsafe(`insert into assignments (lead_id, at, user_id, team_id, reason, actor_type)
    select lead_id, mql_at, md5('bench-rep-' || rep)::uuid, md5('bench-team-' || (1 + rep % 5))::uuid, 'territory_round_robin', 'system' from bh`);
  // Decisions with reasons for the recycled and disqualified handoffs.
  await sql.unsafe(`insert into decisions (lead_id, user_id, kind, reason_code, score_total, score_fit, model_version, at)
    select lead_id, md5('bench-rep-' || rep)::uuid, case when r4 < 0.7 then 'reject' else 'disqualify' end::decision_kind,
           case when r4 < 0.7 then (array['not_ready','no_response','no_project'])[1 + floor(r5 * 3)::int]
                else (array['student','competitor','wrong_persona','no_budget','duplicate','spam'])[1 + floor(r5 * 6)::int] end,
           total, fit, 1, mql_at + interval '2 days'
    from bh where r1 < 0.8 and not (${accepted})`);
  // SLA clocks: first touch after a log-spread number of minutes, due after an hour; 5 % never touched.
  await sql.unsafe(`insert into sla_clocks (lead_id, user_id, team_id, policy_name, min_touches, reassign_on_breach, started_at, first_touch_due, touches_due_by, first_touch_at, breached_first_touch_at, breached_touches_at, closed_at, close_reason)
    select lead_id, md5('bench-rep-' || rep)::uuid, md5('bench-team-' || (1 + rep % 5))::uuid, 'Standard', 3, false,
           mql_at, mql_at + interval '60 minutes', mql_at + interval '5 days', ft,
           case when ft is null or ft > mql_at + interval '60 minutes' then mql_at + interval '60 minutes' end,
           case when r3 > 0.9 then mql_at + interval '5 days' end,
           case when r1 < 0.8 then mql_at + interval '2 days' end, case when r1 < 0.8 then 'decided' end
    from (select *, case when r5 < 0.05 then null else mql_at + interval '1 minute' * exp(r2 * 8) end as ft from bh) c`);
  await sql.unsafe(`insert into mql_snapshots (transition_id, lead_id, model_version, computed_at)
    select id, lead_id, 1, ${asOf} from lead_transitions where to_stage = 'mql'`);
  await sql.unsafe(`insert into mql_rule_hits (transition_id, rule_id, hits)
    select s.transition_id, r.rule_id, 1 + floor(random() * 3)::int
    from mql_snapshots s cross join unnest(${ruleIds}) r(rule_id) where random() < 0.3`);
  for (const table of [
    "lead_transitions",
    "assignments",
    "decisions",
    "sla_clocks",
    "mql_snapshots",
    "mql_rule_hits",
    "users",
    "teams",
  ])
    await sql.unsafe(`vacuum analyze ${table}`);
  const [counts] = await sql.unsafe(
    `select (select count(*) from lead_transitions)::int as transitions, (select count(*) from mql_rule_hits)::int as hits, (select count(*) from decisions)::int as decisions`,
  );
  log(
    `  reports data: ${REPORT_HANDOFFS.toLocaleString("en")} handoffs, ${counts.transitions.toLocaleString("en")} transitions, ${counts.decisions.toLocaleString("en")} decisions, ${counts.hits.toLocaleString("en")} rule hits in ${Math.round(performance.now() - t)} ms`,
  );
}
