/**
 * The compiler: turns a scoring model into one set-based SQL query that scores every lead (or
 * the given leads) — for publish, refresh, ingestion and previews. Semantics are the evaluator's
 * (evaluate.ts); the differential test proves they agree.
 *
 * Shape, chosen for speed (see scripts/bench):
 * - one scan of the events the rules name; a property is extracted only for the event names whose
 *   rules read it;
 * - one aggregate per lead: a filtered count per rule without decay (`maxCount` is then just
 *   least(count, N)), a filtered sum of decay factors per rule with a half-life;
 * - a rule with both a half-life and a maxCount needs its N most recent events: a small side query
 *   ranks only that rule's matching events;
 * - attribute rules, caps, grades and band on the leads table.
 */
import { sql, type SQL } from "drizzle-orm";
import { fieldSql } from "./field-sql";
import {
  isActive,
  type AttributeRule,
  type EventRule,
  type Rule,
  type ScoringModel,
} from "./model";
import { arrayParam } from "@/db/sql-array";
import { conditionSql, jsonTextSql, needs, seenFromText, type SeenSql } from "./sql-conditions";

export type CompileOptions = {
  asOf: Date;
  /** Score only these leads (ingestion); all leads when absent. */
  leadIds?: string[] | null;
  /**
   * Also an `earned` column: what each active rule earned (float8[], in the model's order) — from
   * which readers take the receipt's top lines (top-reasons.ts: the inbox, the `lead.mql` webhook).
   */
  earned?: boolean;
};

export const f8 = (n: number) => sql`${String(n)}::float8`;
const col = (name: string) => sql.raw(name);

/** The properties rules read, each with the event names whose rules read it. */
type PropertyColumn = {
  path: string;
  names: Set<string>;
  text: boolean;
  num: boolean;
  idx: number;
};

function propertyColumns(rules: EventRule[]): Map<string, PropertyColumn> {
  const columns = new Map<string, PropertyColumn>();
  for (const rule of rules) {
    for (const c of rule.where ?? []) {
      const column = columns.get(c.property) ?? {
        path: c.property,
        names: new Set(),
        text: false,
        num: false,
        idx: columns.size,
      };
      column.names.add(rule.event);
      const need = needs(c);
      column.text ||= need.text;
      column.num ||= need.num;
      columns.set(c.property, column);
    }
  }
  return columns;
}

/**
 * Scoring each row of a set as of its own time instead of every lead as of one time (a backtest:
 * each past handoff as of its handoff). `rows` names a relation with columns row_id, lead_id and
 * at; only events that occurred at or before a row's `at` count, windows end and decay is measured
 * at it. Aggregates are keyed by row_id.
 */
export type RowAnchor = {
  rows: SQL;
  /**
   * Also count events after the row's time, as scoring every lead as of one time does (a
   * future-dated event counts, undecayed): a live score's earnings computed again as of its own
   * time (compile-derived.ts). Windows still start at the row's time minus their length.
   */
  later?: boolean;
};

/**
 * The window's start. One as-of time: computed here (`asOf - interval` in SQL would be
 * re-evaluated on every row). Anchored rows: from each row's time `rowAt`, in exact seconds.
 */
const since = (rule: EventRule, asOf: Date, rowAt: SQL | null) =>
  !rule.withinDays
    ? sql``
    : rowAt
      ? sql` and occurred_at >= ${rowAt} - ${String(rule.withinDays * 86400)}::float8 * interval '1 second'`
      : sql` and occurred_at >= ${new Date(asOf.getTime() - rule.withinDays * 86_400_000).toISOString()}::timestamptz`;

const decaySql = (halfLifeDays: number, asOf: SQL) =>
  sql`power(0.5::float8, greatest(date_part('epoch', ${asOf} - occurred_at), 0) / ${f8(halfLifeDays * 86400)})`;

/** The rule's match, over the prepared columns (main scan) or over raw properties (side queries). */
function matchSql(
  rule: EventRule,
  asOf: Date,
  seen: (property: string) => SeenSql,
  rowAt: SQL | null,
): SQL {
  const parts = [
    sql`name = ${rule.event}::text`,
    ...(rule.where ?? []).map((c) => conditionSql(c, seen(c.property))),
  ];
  return sql`${sql.join(parts, sql` and `)}${since(rule, asOf, rowAt)}`;
}

/**
 * The join that aggregates the rules' events per lead, and what each rule earns as an SQL term
 * over it (in the order of `rules`). Shared with the comparison compiler (compile-comparison.ts).
 */
export function eventsSql(
  rules: EventRule[],
  options: CompileOptions,
  asOf: SQL,
  anchor?: RowAnchor,
) {
  const at = options.asOf;
  // Per anchored row, decay is measured from the row's own time.
  const decayAt = anchor ? sql`row_at` : asOf;
  const names = [...new Set(rules.map((r) => r.event))];
  const leadFilter = options.leadIds
    ? sql` and lead_id = any(${arrayParam(options.leadIds, "uuid")})`
    : sql``;
  const props = propertyColumns(rules);
  const extracted = [...props.values()].map(
    (p) =>
      sql`, case when name = any(${arrayParam([...p.names], "text")}) then ${jsonTextSql(sql`properties`, p.path.split("."))} end as ${col(`p${p.idx}`)}`,
  );
  const prepared = [...props.values()].flatMap((p) => {
    const seen = seenFromText(col(`p${p.idx}`));
    return [
      ...(p.text ? [sql`, ${seen.text} as ${col(`t${p.idx}`)}`] : []),
      ...(p.num ? [sql`, ${seen.num} as ${col(`n${p.idx}`)}`] : []),
    ];
  });
  const prepSeen = (property: string): SeenSql => {
    const idx = props.get(property)!.idx;
    return { text: col(`t${idx}`), num: col(`n${idx}`) };
  };
  const rawSeen = (property: string): SeenSql =>
    seenFromText(jsonTextSql(sql`properties`, property.split(".")));

  const upTo = anchor && !anchor.later ? sql` and e.occurred_at <= h.at` : sql``;
  const aggregates: SQL[] = [];
  const sides: SQL[] = [];
  const earned: SQL[] = [];
  rules.forEach((rule, k) => {
    const m = matchSql(rule, at, prepSeen, anchor ? sql`row_at` : null);
    const points = f8(rule.points);
    if (rule.halfLifeDays && rule.maxCount) {
      // The N most recent matching events, each decayed: rank only this rule's events.
      const side = col(`r${k}`);
      const ranked = anchor
        ? sql`select h.row_id as k, h.at as row_at, occurred_at, row_number() over (partition by h.row_id order by occurred_at desc, e.id desc) as rn
          from ${anchor.rows} h join events e on e.lead_id = h.lead_id${upTo}
          where ${matchSql(rule, at, rawSeen, sql`h.at`)}`
        : sql`select lead_id as k, occurred_at, row_number() over (partition by lead_id order by occurred_at desc, id desc) as rn
          from events where ${matchSql(rule, at, rawSeen, null)}${leadFilter}`;
      sides.push(sql`left join (
        select k, sum(${decaySql(rule.halfLifeDays, decayAt)}) as s from (
          ${ranked}
        ) ranked where rn <= ${String(rule.maxCount)}::int group by k
      ) ${side} on ${side}.k = ${anchor ? sql`h.row_id` : sql`leads.id`}`);
      earned.push(sql`coalesce(${side}.s, 0) * ${points}`);
    } else if (rule.halfLifeDays) {
      aggregates.push(
        sql`, coalesce(sum(${decaySql(rule.halfLifeDays, decayAt)}) filter (where ${m}), 0)::float8 as ${col(`s${k}`)}`,
      );
      earned.push(sql`coalesce(a.${col(`s${k}`)}, 0) * ${points}`);
    } else {
      aggregates.push(sql`, count(*) filter (where ${m}) as ${col(`c${k}`)}`);
      const count = rule.maxCount
        ? sql`least(coalesce(a.${col(`c${k}`)}, 0), ${String(rule.maxCount)}::int)`
        : sql`coalesce(a.${col(`c${k}`)}, 0)`;
      earned.push(sql`${count}::float8 * ${points}`);
    }
  });

  // These levels only name things: PostgreSQL flattens them, which keeps the whole-table scan
  // parallel. Flattened, each property is extracted once per use of it (three per fold); for the
  // given leads (ingestion, never parallel) the extraction is fenced and done once (measured: a
  // sixth less CPU for the statement).
  const fence = options.leadIds ? sql` offset 0` : sql``;
  // Anchored rows: when every rule has a window, no event older than the longest window before
  // the row's time can count, and none is read.
  const longest = rules.every((r) => r.withinDays)
    ? Math.max(...rules.map((r) => r.withinDays ?? 0))
    : null;
  const bound =
    longest === null
      ? sql``
      : sql` and e.occurred_at >= h.at - ${String(longest * 86400)}::float8 * interval '1 second'`;
  const scanned = anchor
    ? sql`select h.row_id as k, h.at as row_at, e.id, e.occurred_at, e.name${sql.join(extracted, sql``)}
            from ${anchor.rows} h join events e on e.lead_id = h.lead_id${upTo}${bound}
            where e.name = any(${arrayParam(names, "text")})`
    : sql`select lead_id as k, id, occurred_at, name${sql.join(extracted, sql``)}
            from events where name = any(${arrayParam(names, "text")})${leadFilter}${fence}`;
  const main = aggregates.length
    ? sql`left join (
        select k${sql.join(aggregates, sql``)}
        from (
          select k, id, occurred_at, name${anchor ? sql`, row_at` : sql``}${sql.join(prepared, sql``)}
          from (
            ${scanned}
          ) extracted
        ) prepared
        group by k
      ) a on a.k = ${anchor ? sql`h.row_id` : sql`leads.id`}`
    : sql``;
  return { joins: sql`${main} ${sql.join(sides, sql` `)}`, earned };
}

/** `expr` capped at `value`, or as it is without a cap. */
export const cap = (expr: SQL, value: number | null) =>
  value === null ? expr : sql`least(${expr}, ${f8(value)})`;

/** What an attribute rule earns: its points when the lead's field meets its condition. */
export const attributeTerm = (rule: AttributeRule) =>
  sql`(case when ${conditionSql(rule, fieldSql(rule.field))} then ${f8(rule.points)} else 0::float8 end)`;

/**
 * Grades and band over `inner`'s rows (lead_id, fit, engagement and the `extra` columns), with the
 * total capped. The OFFSET 0 fences make fit, engagement and total computed once per lead;
 * flattened, each grade and band test would re-evaluate every rule.
 */
function graded(model: ScoringModel, inner: SQL, extra: SQL): SQL {
  const { grades, bands } = model;
  const bandCases = [...bands]
    .reverse()
    .slice(0, -1)
    .map((b) => sql`when total >= ${f8(b.min)} then ${b.name}::text`);
  const bandSql = bandCases.length
    ? sql`case ${sql.join(bandCases, sql` `)} else ${bands[0].name}::text end`
    : sql`${bands[0].name}::text`;
  return sql`
    select lead_id, fit, engagement, total,
      case when fit >= ${f8(grades.fit.A)} then 'A' when fit >= ${f8(grades.fit.B)} then 'B' when fit >= ${f8(grades.fit.C)} then 'C' else 'D' end as fit_grade,
      case when engagement >= ${f8(grades.engagement["1"])} then 1 when engagement >= ${f8(grades.engagement["2"])} then 2 when engagement >= ${f8(grades.engagement["3"])} then 3 else 4 end as engagement_grade,
      ${bandSql} as band${extra}
    from (
      select lead_id, fit, engagement, ${cap(sql`fit + engagement`, model.caps.total)} as total${extra}
      from (${inner}) raw
      offset 0
    ) totals`;
}

export type Term = { rule: Rule; sql: SQL };

/** The capped sum of the terms of one kind of rule, each term named by `term(k)`. */
function sumOf(terms: Term[], kind: Rule["kind"], term: (k: number) => SQL): SQL {
  return sql`(0::float8${sql.join(
    terms.flatMap((t, k) => (t.rule.kind === kind ? [sql` + ${term(k)}`] : [])),
    sql``,
  )})`;
}

/**
 * Scores with what each rule earned: each rule's earnings computed once per lead (fenced), summed,
 * and kept as an array in the model's order of active rules — readers turn it into the receipt's
 * top lines with the version's labels (topFromEarned). Measured: ranking the lines here, per lead,
 * cost a quarter of the whole statement. `from` is the rest of the innermost query (its FROM and
 * WHERE, over `leads`); `carry` are further columns it reads, passed through to the rows.
 */
export function withEarnings(
  model: ScoringModel,
  terms: Term[],
  from: SQL,
  carry: { name: string; sql: SQL }[] = [],
): SQL {
  const x = (k: number) => col(`x${k}`);
  const earnedSql = terms.length
    ? sql`array[${sql.join(
        terms.map((_, k) => x(k)),
        sql`, `,
      )}]::float8[]`
    : sql`'{}'::float8[]`;
  const carried = sql.join(
    carry.map((c) => sql`, ${col(c.name)}`),
    sql``,
  );
  return graded(
    model,
    sql`
      select lead_id,
        ${cap(sumOf(terms, "attribute", x), model.caps.fit)} as fit,
        ${cap(sumOf(terms, "event", x), model.caps.engagement)} as engagement,
        ${earnedSql} as earned${carried}
      from (
        select leads.id as lead_id${sql.join(
          terms.map((t, k) => sql`, ${t.sql} as ${x(k)}`),
          sql``,
        )}${sql.join(
          carry.map((c) => sql`, ${c.sql} as ${col(c.name)}`),
          sql``,
        )}
        ${from}
        offset 0
      ) terms
      offset 0`,
    sql`, earned${carried}`,
  );
}

/**
 * Rows: lead_id, fit, engagement, total, fit_grade, engagement_grade, band (and `earned` when
 * asked: each rule's earnings, so readers need not replay events for the receipt's top lines).
 */
export function compileScores(model: ScoringModel, options: CompileOptions): SQL {
  const active = model.rules.filter(isActive);
  const eventRules = active.filter((r): r is EventRule => r.kind === "event");
  const asOf = sql`${options.asOf.toISOString()}::timestamptz`;

  const events = eventRules.length
    ? eventsSql(eventRules, options, asOf)
    : { joins: sql``, earned: [] };
  // What each active rule earns, in the model's order (the receipt's order).
  const terms: Term[] = active.map((rule) =>
    rule.kind === "attribute"
      ? { rule, sql: attributeTerm(rule) }
      : { rule, sql: events.earned[eventRules.indexOf(rule)] },
  );
  // Erased leads (tombstones kept for the reports) are never scored again.
  const leadFilter = options.leadIds
    ? sql`where leads.id = any(${arrayParam(options.leadIds, "uuid")}) and leads.erased_at is null`
    : sql`where leads.erased_at is null`;

  if (options.earned)
    return withEarnings(model, terms, sql`from leads ${events.joins} ${leadFilter}`);
  return graded(
    model,
    sql`
      select leads.id as lead_id,
        ${cap(
          sumOf(terms, "attribute", (k) => terms[k].sql),
          model.caps.fit,
        )} as fit,
        ${cap(
          sumOf(terms, "event", (k) => terms[k].sql),
          model.caps.engagement,
        )} as engagement
      from leads ${events.joins}
      ${leadFilter}
      offset 0`,
    sql``,
  );
}

/**
 * The scores of leads created in the same statement (`source`: their rows, named `leads`), which
 * can have no event yet: each event rule earns what compileScores gives a lead without events
 * (0 × its points), so the rows are those compileScores gives them with `earned` — without
 * reading the leads back, nor any event.
 */
export function compileNewLeadScores(model: ScoringModel, source: SQL): SQL {
  const terms: Term[] = model.rules.filter(isActive).map((rule) => ({
    rule,
    sql: rule.kind === "attribute" ? attributeTerm(rule) : sql`0::float8 * ${f8(rule.points)}`,
  }));
  return withEarnings(model, terms, sql`from ${source} where leads.erased_at is null`);
}
