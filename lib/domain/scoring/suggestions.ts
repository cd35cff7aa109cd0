/**
 * What the rule editor's pickers suggest: event names and property keys actually ingested in the
 * last 90 days (with counts), and the values seen for lead fields and traits. Read-only, bounded.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { LEAD_FIELDS } from "./model";

export type Counted = { value: string; count: number };

const WINDOW_DAYS = 90;

export async function eventSuggestions(db: Queryable, now = new Date()): Promise<Counted[]> {
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
  return queryRows<Counted>(
    db,
    sql`select name as value, count(*)::int as count from events where occurred_at >= ${since}::timestamptz group by name order by count(*) desc, name limit 200`,
  );
}

export type PropertySuggestion = { key: string; count: number; values: Counted[] };

export async function propertySuggestions(
  db: Queryable,
  event: string,
  now = new Date(),
): Promise<PropertySuggestion[]> {
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
  const keys = await queryRows<{ key: string; count: number }>(
    db,
    sql`select k as key, count(*)::int as count
        from (select properties from events where name = ${event}::text and occurred_at >= ${since}::timestamptz limit 50000) e,
             jsonb_object_keys(case when jsonb_typeof(e.properties) = 'object' then e.properties else '{}'::jsonb end) k
        group by k order by count(*) desc, k limit 50`,
  );
  const values = await queryRows<{ key: string; value: string; count: number }>(
    db,
    sql`select key, value, count from (
          select kv.key, kv.value #>> '{}' as value, count(*)::int as count,
                 row_number() over (partition by kv.key order by count(*) desc, kv.value #>> '{}') as rank
          from (select properties from events where name = ${event}::text and occurred_at >= ${since}::timestamptz limit 50000) e,
               jsonb_each(case when jsonb_typeof(e.properties) = 'object' then e.properties else '{}'::jsonb end) kv
          where jsonb_typeof(kv.value) in ('string', 'number', 'boolean')
          group by kv.key, kv.value #>> '{}'
        ) ranked where rank <= 25 order by key, count desc`,
  );
  return keys.map((k) => ({
    ...k,
    values: values.filter((v) => v.key === k.key).map(({ value, count }) => ({ value, count })),
  }));
}

const FIELD_COLUMNS: Record<string, string> = {
  jobTitle: "job_title",
  seniority: "seniority",
  company: "company",
  industry: "industry",
  country: "country",
  source: "source",
};

export type FieldSuggestion = { field: string; values: Counted[] };

/** Values seen for the text fields worth suggesting, and the custom trait keys. */
export async function attributeSuggestions(
  db: Queryable,
): Promise<{ fields: FieldSuggestion[]; traits: Counted[] }> {
  const fields: FieldSuggestion[] = [];
  for (const field of LEAD_FIELDS) {
    const column = FIELD_COLUMNS[field];
    if (!column) continue;
    const values = await queryRows<Counted>(
      db,
      sql`select ${sql.identifier(column)} as value, count(*)::int as count from leads where ${sql.identifier(column)} is not null and ${sql.identifier(column)} <> '' group by 1 order by 2 desc, 1 limit 60`,
    );
    fields.push({ field, values });
  }
  const traits = await queryRows<Counted>(
    db,
    sql`select k as value, count(*)::int as count from leads, jsonb_object_keys(traits) k group by k order by count(*) desc, k limit 100`,
  );
  return { fields, traits };
}
