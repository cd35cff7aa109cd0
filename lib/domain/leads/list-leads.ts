import { and, asc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "@/db/client";
import { AppError } from "@/lib/shared/errors";
import { LIFECYCLE_STAGES, leadScores, leads, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/principal";
import { leadScope } from "@/lib/auth/lead-scope";

import { LEAD_SORTS } from "./constants";
import { yearInRange } from "@/lib/shared/bounds";

/** The lead list counts matching leads up to this many; past it the total reads "10,000+". */
export const COUNT_CAP = 10_000;

/** Empty form fields mean "no filter". */
const blankAsUndefined = (v: unknown) => (v === "" ? undefined : v);

/** The filters of the leads list, shared by the list and the CSV export. */
export const leadFilterShape = {
  q: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .trim()
      .max(200, "Search is limited to 200 characters.")
      .refine((v) => !v.includes("\u0000"), "Search cannot contain a NUL character.")
      .optional(),
  ),
  email: z.preprocess(
    blankAsUndefined,
    z.string().trim().toLowerCase().email("Not a valid email address.").optional(),
  ),
  stage: z.preprocess(
    blankAsUndefined,
    z.enum(LIFECYCLE_STAGES, { message: "Unknown lifecycle stage." }).optional(),
  ),
  owner: z.preprocess(
    blankAsUndefined,
    z
      .union([z.literal("me"), z.literal("unassigned"), z.guid()], {
        message: "Owner must be a user id, 'me' or 'unassigned'.",
      })
      .optional(),
  ),
};

export const leadFilterSchema = z.object(leadFilterShape);
export type LeadFilter = z.output<typeof leadFilterSchema>;

export const listLeadsSchema = z
  .object({
    ...leadFilterShape,
    sort: z
      .enum(LEAD_SORTS, { message: `Sort must be one of ${LEAD_SORTS.join(", ")}.` })
      .default("recent"),
    page: z.coerce
      .number()
      .int("Page must be a whole number.")
      .min(1, "Pages start at 1.")
      .max(100_000)
      .default(1),
    pageSize: z.coerce.number().int().min(1).max(200, "At most 200 leads per page.").default(25),
    /** Keyset pagination (API clients): the `nextCursor` of the previous page; follows the recent order. */
    cursor: z.preprocess(blankAsUndefined, z.string().max(200).optional()),
  })
  .refine((q) => !q.cursor || q.sort === "recent", {
    message: "Cursor pages follow the recent order: leave sort out.",
    path: ["cursor"],
  });

type Cursor = { u: string; i: string };

/** `u` is the exact (microsecond) time as Postgres printed it: a JS Date would round it to the millisecond and skip rows. */
function encodeCursor(row: { cursorTime: string; id: string }): string {
  return Buffer.from(JSON.stringify({ u: row.cursorTime, i: row.id })).toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Cursor;
    // Exactly what encodeCursor writes: a forged one that still reads is only another starting
    // point (rows are filtered by who may see them all the same), never a value PostgreSQL refuses.
    if (
      typeof parsed.u === "string" &&
      typeof parsed.i === "string" &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(parsed.u) &&
      yearInRange(new Date(parsed.u)) &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(parsed.i)
    )
      return parsed;
  } catch {
    // fall through
  }
  throw new AppError("validation_failed", "The cursor is not one this API gave out.", {
    cursor: ["Unknown cursor."],
  });
}

export type ListLeadsInput = z.input<typeof listLeadsSchema>;
export type ListLeadsQuery = z.output<typeof listLeadsSchema>;

export type LeadListRow = {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  jobTitle: string | null;
  company: string | null;
  country: string | null;
  stage: (typeof LIFECYCLE_STAGES)[number];
  ownerId: string | null;
  ownerName: string | null;
  updatedAt: Date;
  score: number | null;
  fitGrade: string | null;
  engagementGrade: number | null;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The WHERE clause of the list's filters, always with the lead scope: what the list shows and
 * what its CSV export writes are the same leads.
 */
export function leadFilterWhere(actor: Viewer, query: LeadFilter): SQL {
  const conditions: SQL[] = [leadScope(actor, leads)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(
        ilike(leads.email, pattern),
        ilike(leads.company, pattern),
        sql`(coalesce(${leads.firstName}, '') || ' ' || coalesce(${leads.lastName}, '')) ilike ${pattern}`,
      )!,
    );
  }
  if (query.email) conditions.push(eq(leads.email, query.email));
  if (query.stage) conditions.push(eq(leads.stage, query.stage));
  if (query.owner === "me")
    conditions.push("id" in actor ? eq(leads.ownerId, actor.id) : sql`false`);
  else if (query.owner === "unassigned") conditions.push(isNull(leads.ownerId));
  else if (query.owner) conditions.push(eq(leads.ownerId, query.owner));
  return and(...conditions)!;
}

export async function listLeads({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Viewer;
  query: ListLeadsQuery;
}) {
  const where = leadFilterWhere(actor, query);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const keyset = cursor
    ? sql`(${leads.updatedAt}, ${leads.id}) < (${cursor.u}::timestamptz, ${cursor.i}::uuid)`
    : undefined;

  // "desc nulls last" (the columns are never null) to match the indexes drizzle declares.
  const order = {
    recent: [sql`${leads.updatedAt} desc nulls last`, sql`${leads.id} desc nulls last`],
    created: [sql`${leads.createdAt} desc nulls last`, asc(leads.id)],
    name: [asc(sql`lower(${leads.lastName})`), asc(sql`lower(${leads.firstName})`), asc(leads.id)],
    company: [asc(sql`lower(${leads.company})`), asc(leads.id)],
    score: [sql`${leadScores.total} desc nulls last`, asc(leads.id)],
  }[query.sort];
  const columns = {
    id: leads.id,
    email: leads.email,
    firstName: leads.firstName,
    lastName: leads.lastName,
    jobTitle: leads.jobTitle,
    company: leads.company,
    country: leads.country,
    stage: leads.stage,
    ownerId: leads.ownerId,
    ownerName: users.name,
    updatedAt: leads.updatedAt,
    cursorTime: sql<string>`to_char(${leads.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    score: leadScores.total,
    fitGrade: leadScores.fitGrade,
    engagementGrade: leadScores.engagementGrade,
  };
  const wanted = query.pageSize + 1;
  const offset = cursor ? 0 : (query.page - 1) * query.pageSize;

  /**
   * By score: the scored leads walk lead_scores_total_idx (an outer join would sort every lead),
   * then the unscored ones follow (nulls last), by id.
   */
  async function byScore() {
    const scored = await db
      .select(columns)
      .from(leads)
      .innerJoin(leadScores, eq(leadScores.leadId, leads.id))
      .leftJoin(users, eq(users.id, leads.ownerId))
      .where(where)
      .orderBy(sql`${leadScores.total} desc nulls last`, asc(leadScores.leadId))
      .limit(wanted)
      .offset(offset);
    if (scored.length === wanted) return scored;
    // Past the scored leads: how many there are is known from this page unless it is empty.
    const scoredCount =
      scored.length > 0 || offset === 0
        ? offset + scored.length
        : (
            await queryRows<{ n: number }>(
              db,
              sql`select count(*)::int as n from ${leads} join ${leadScores} on ${leadScores.leadId} = ${leads.id} where ${where}`,
            )
          )[0].n;
    const unscored = await db
      .select(columns)
      .from(leads)
      .leftJoin(leadScores, eq(leadScores.leadId, leads.id))
      .leftJoin(users, eq(users.id, leads.ownerId))
      .where(and(where, isNull(leadScores.leadId)))
      .orderBy(asc(leads.id))
      .limit(wanted - scored.length)
      .offset(Math.max(0, offset - scoredCount));
    return [...scored, ...unscored];
  }

  // Counting stops past the cap (a million-row count on every page costs a full scan); a deep
  // page raises the cap to what it skips anyway.
  const cap = Math.max(COUNT_CAP, offset + query.pageSize);
  const [rows, [{ n }]] = await Promise.all([
    query.sort === "score" && !keyset
      ? byScore()
      : db
          .select(columns)
          .from(leads)
          .leftJoin(users, eq(users.id, leads.ownerId))
          .leftJoin(leadScores, eq(leadScores.leadId, leads.id))
          .where(keyset ? and(where, keyset) : where)
          .orderBy(...order)
          .limit(wanted)
          .offset(offset),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select 1 from ${leads} where ${where} limit ${cap + 1}) c`,
    ),
  ]);
  const more = rows.length > query.pageSize;
  const pageRows = rows.slice(0, query.pageSize);
  const last = pageRows[pageRows.length - 1];
  const totalIsExact = n <= cap;
  const total = Math.min(n, cap);
  return {
    rows: pageRows.map(({ cursorTime: _, ...row }) => row) as LeadListRow[],
    nextCursor: more && query.sort === "recent" ? encodeCursor(last) : null,
    /** Exact up to the cap; past it, the cap (`totalIsExact` false: "10,000+"). */
    total,
    totalIsExact,
    hasMore: more,
    page: query.page,
    pageSize: query.pageSize,
    /** Exact when the total is; otherwise the pages known so far (at least one past this one while there are more). */
    pageCount: Math.max(1, Math.ceil(total / query.pageSize), more ? query.page + 1 : 0),
  };
}
