/**
 * What happened to leads, as CSV for a period: their events, the sales decisions on them and
 * their lifecycle transitions. Only rows of leads in the actor's scope (a rep: their own leads).
 * Each in keyset pages by the row's id, oldest first.
 */
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Queryable } from "@/db/client";
import type { Viewer } from "@/lib/auth/principal";
import { leadColumns, leadScope } from "@/lib/auth/lead-scope";
import { day } from "@/lib/domain/reports/query-schema";
import { csvChunks, csvLine, jsonCell, keysetPages, type Cell } from "./csv-stream";

const blankAsUndefined = (v: unknown) => (v === "" ? undefined : v);

/** A period of whole UTC days, both included; either end may be left open. */
export const exportPeriodSchema = z
  .object({
    from: z.preprocess(blankAsUndefined, day.optional()),
    to: z.preprocess(blankAsUndefined, day.optional()),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "from is after to.",
    path: ["from"],
  });
export type ExportPeriod = z.output<typeof exportPeriodSchema>;

export const HISTORY_EXPORTS = ["events", "decisions", "transitions"] as const;
export type HistoryExport = (typeof HISTORY_EXPORTS)[number];

const iso = (at: SQL) => sql`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

function periodWhere(at: SQL, period: ExportPeriod): SQL {
  const parts: SQL[] = [];
  if (period.from) parts.push(sql`${at} >= ${`${period.from}T00:00:00Z`}::timestamptz`);
  if (period.to)
    parts.push(sql`${at} < ${`${period.to}T00:00:00Z`}::timestamptz + interval '1 day'`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

type Spec = {
  columns: readonly string[];
  /** `x` is the exported table, `l` its lead; selects `id` (the key) and the columns. */
  select: SQL;
  from: SQL;
  at: SQL;
  cells?: Partial<Record<string, (v: unknown) => Cell>>;
};

const SPECS: Record<HistoryExport, Spec> = {
  events: {
    columns: [
      "id",
      "occurred_at",
      "lead_id",
      "lead_email",
      "name",
      "properties",
      "source",
      "external_id",
      "received_at",
    ],
    select: sql`x.id, ${iso(sql`x.occurred_at`)} as occurred_at, x.lead_id, l.email as lead_email,
      x.name, x.properties, x.source, x.external_id, ${iso(sql`x.received_at`)} as received_at`,
    from: sql`events x join leads l on l.id = x.lead_id`,
    at: sql`x.occurred_at`,
    cells: { properties: jsonCell },
  },
  decisions: {
    columns: [
      "id",
      "at",
      "lead_id",
      "lead_email",
      "decision",
      "reason",
      "note",
      "user_name",
      "user_email",
      "score",
      "fit",
      "engagement",
      "model_version",
      "bant",
    ],
    select: sql`x.id, ${iso(sql`x.at`)} as at, x.lead_id, l.email as lead_email,
      x.kind::text as decision, x.reason_code as reason, x.note, u.name as user_name,
      u.email as user_email, x.score_total as score, x.score_fit as fit,
      x.score_engagement as engagement, x.model_version, x.bant`,
    from: sql`decisions x join leads l on l.id = x.lead_id left join users u on u.id = x.user_id`,
    at: sql`x.at`,
    cells: { bant: jsonCell },
  },
  transitions: {
    columns: [
      "id",
      "at",
      "lead_id",
      "lead_email",
      "from_stage",
      "to_stage",
      "reason",
      "note",
      "actor_type",
      "actor_id",
      "score",
      "fit",
      "engagement",
      "model_version",
    ],
    select: sql`x.id, ${iso(sql`x.at`)} as at, x.lead_id, l.email as lead_email,
      x.from_stage::text as from_stage, x.to_stage::text as to_stage, x.reason, x.note,
      x.actor_type, x.actor_id, x.score_total as score, x.score_fit as fit,
      x.score_engagement as engagement, x.model_version`,
    from: sql`lead_transitions x join leads l on l.id = x.lead_id`,
    at: sql`x.at`,
  },
};

/** The CSV of one history table for a period, rows of leads in the actor's scope only. */
export function exportHistoryCsv({
  db,
  actor,
  kind,
  period,
  pageSize,
}: {
  db: Queryable;
  actor: Viewer;
  kind: HistoryExport;
  period: ExportPeriod;
  pageSize?: number;
}): AsyncGenerator<string> {
  const spec = SPECS[kind];
  const where = sql`${leadScope(actor, leadColumns("l"))} and ${periodWhere(spec.at, period)}`;
  type Row = Record<string, unknown> & { id: number | string };
  const page = (after: number | null, size: number) =>
    queryRows<Row>(
      db,
      sql`select ${spec.select} from ${spec.from}
          where ${where} ${after === null ? sql`` : sql`and x.id > ${after}`}
          order by x.id limit ${size}`,
    );
  const cells = (row: Row): Cell[] =>
    spec.columns.map((c) => {
      const format = spec.cells?.[c];
      return format ? format(row[c]) : (row[c] as Cell);
    });
  return csvChunks(
    spec.columns,
    keysetPages(page, (r) => Number(r.id), pageSize),
    (row) => csvLine(cells(row)),
  );
}
