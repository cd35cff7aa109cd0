/**
 * Which leads a person may see and act on, written once and put in the WHERE clause of every
 * query that reads or changes a lead (the list, the lead page, the inbox, decisions, exports), so
 * a forgotten guard in a page still returns nothing it should not:
 * - an API key: every lead (its scope was checked by the route);
 * - a role allowed to read every lead (`leads:read-all`: admins, marketers): every lead;
 * - a manager: the leads of their team's reps and the unassigned ones;
 * - a rep (and anyone else): only their own.
 * A lead outside the scope reads as "not found", never "forbidden", so ids leak nothing.
 * An erased lead (a tombstone kept for the reports' counts) is in nobody's scope.
 */
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { can } from "./permissions";
import type { Viewer } from "./principal";

/** A lead's columns the scope reads: the drizzle `leads` table, or raw SQL (leadColumns("l")). */
export type LeadScopeColumns = { ownerId: AnyPgColumn | SQL; erasedAt: AnyPgColumn | SQL };

/** The scope's columns of a lead table aliased in raw SQL (`from leads l` → leadColumns("l")). */
export function leadColumns(alias: string): LeadScopeColumns {
  return { ownerId: sql.raw(`${alias}.owner_id`), erasedAt: sql.raw(`${alias}.erased_at`) };
}

export function leadScope(viewer: Viewer, lead: LeadScopeColumns): SQL {
  return sql`(${lead.erasedAt} is null and ${ownerScope(viewer, lead.ownerId)})`;
}

function ownerScope(viewer: Viewer, owner: AnyPgColumn | SQL): SQL {
  if ("apiKeyId" in viewer) return sql`true`;
  if (can(viewer.role, "leads:read-all")) return sql`true`;
  if (viewer.role === "manager") {
    return viewer.teamId
      ? sql`(${owner} is null or ${owner} in (select u.id from users u where u.team_id = ${viewer.teamId}))`
      : sql`${owner} is null`;
  }
  return sql`${owner} = ${viewer.id}`;
}
