import { eq, sql, type SQL } from "drizzle-orm";
import { leads } from "@/db/schema";
import type { Viewer } from "./actor";
import { can } from "./permissions";

/**
 * The rows of `leads` this viewer may see, as a WHERE clause: everything for roles that read all
 * leads and for API keys (their scope was checked by the route), only their own for a rep. Data
 * access puts it in every query, so a forgotten guard in a page still returns nothing it should not.
 */
export function visibleLeads(viewer: Viewer): SQL {
  if ("apiKeyId" in viewer) return sql`true`;
  return can(viewer.role, "leads:read-all") ? sql`true` : eq(leads.ownerId, viewer.id);
}
