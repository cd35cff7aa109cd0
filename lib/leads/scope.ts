import { eq, sql, type SQL } from "drizzle-orm";
import { leads } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";

/**
 * The rows of `leads` this actor may see, as a WHERE clause: everything for roles that read all
 * leads, only their own for a rep. Data access puts it in every query, so a forgotten guard in
 * a page still returns nothing it should not.
 */
export function visibleLeads(actor: Pick<Actor, "id" | "role">): SQL {
  return can(actor.role, "leads:read-all") ? sql`true` : eq(leads.ownerId, actor.id);
}
