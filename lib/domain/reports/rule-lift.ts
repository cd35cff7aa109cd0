/**
 * Rule lift: for each enabled rule of the active model, among decided handoffs (for one target)
 * whose rule-hit snapshot is under the active version, how often the rule had fired and how those
 * handoffs converted, against the base rate. Handoffs before outcomes were recorded are left out.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import {
  mqlOutcomesSql,
  outcomeSql,
  outcomesRecordedSinceSql,
} from "@/lib/domain/outcomes/mql-outcomes";
import { isActive } from "@/lib/domain/scoring/model";
import { getActiveModel } from "./context";
import { getReportSettings } from "./settings";
import type { ReportQuery, RuleLiftReport, RuleLiftRow } from "./types";
import { rate, wilson } from "./wilson";

type Row = { rule_id: string | null; decided: number; converted: number; pending: number };

export async function ruleLiftReport(
  db: Queryable,
  query: ReportQuery,
  target: OutcomeTarget,
  now = new Date(),
): Promise<RuleLiftReport> {
  const [settings, active] = await Promise.all([getReportSettings(db), getActiveModel(db)]);
  if (!active)
    return { target, modelVersion: null, decided: 0, converted: 0, rules: [], snapshotsPending: 0 };
  const { decided, positive } = outcomeSql(target, settings.outcomeWindowDays, now);
  // One row for the totals (rule_id null) and one per rule that fired on any decided handoff.
  const rows = await queryRows<Row>(
    db,
    sql`
    with h as materialized (
      select o.transition_id,
             ${decided} and o.mql_at >= coalesce((select since from (${outcomesRecordedSinceSql(target)}) x), '-infinity'::timestamptz) as decided, ${positive} as positive, (s.transition_id is not null) as snapped
      from (${mqlOutcomesSql(query, now, { owner: false })}) o
      left join mql_snapshots s on s.transition_id = o.transition_id and s.model_version = ${active.version}::int
    )
    select null as rule_id, count(*) filter (where decided and snapped)::int as decided,
           count(*) filter (where decided and snapped and positive)::int as converted,
           count(*) filter (where not snapped)::int as pending
    from h
    union all
    select r.rule_id, count(*)::int, count(*) filter (where h.positive)::int, 0
    from h join mql_rule_hits r on r.transition_id = h.transition_id and r.hits > 0
    where h.decided and h.snapped
    group by r.rule_id`,
  );
  const total = rows.find((r) => r.rule_id === null) ?? { decided: 0, converted: 0, pending: 0 };
  const fired = new Map(rows.filter((r) => r.rule_id !== null).map((r) => [r.rule_id, r]));
  const base = rate(total.converted, total.decided);
  const rules: RuleLiftRow[] = active.model.rules.filter(isActive).map((rule) => {
    const f = fired.get(rule.id);
    const n = f?.decided ?? 0;
    const k = f?.converted ?? 0;
    const p = rate(k, n);
    const ci = wilson(k, n);
    const ok = base !== null && base > 0 && p !== null;
    return {
      ruleId: rule.id,
      label: rule.label,
      kind: rule.kind,
      points: rule.points,
      fired: n,
      firedConverted: k,
      shareOfAccepted: rate(k, total.converted),
      shareOfRejected: rate(n - k, total.decided - total.converted),
      lift: ok ? p / base : null,
      interval: ok && ci ? { low: ci.low / base, high: ci.high / base } : null,
    };
  });
  rules.sort((a, b) =>
    a.lift === null ? (b.lift === null ? 0 : 1) : b.lift === null ? -1 : b.lift - a.lift,
  );
  return {
    target,
    modelVersion: active.version,
    decided: total.decided,
    converted: total.converted,
    rules,
    snapshotsPending: total.pending,
  };
}
