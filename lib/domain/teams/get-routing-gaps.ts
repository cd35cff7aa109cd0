import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { leads, teamTerritories } from "@/db/schema";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/guard";

export type RoutingGaps = {
  /** Open MQLs nobody owns: the queue a manager works by hand. */
  unassignedMqls: number;
  /** Countries leads come from that no team covers, most leads first. */
  uncoveredCountries: { country: string; leads: number }[];
};

/** Where routing cannot place MQLs today. */
export async function getRoutingGaps({
  db,
  actor,
}: {
  db: Db;
  actor: Actor;
}): Promise<RoutingGaps> {
  assertCan(actor, "settings:read");
  const [[queue], uncovered] = await Promise.all([
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${leads} where ${leads.stage} = 'mql' and ${leads.ownerId} is null`,
    ),
    queryRows<{ country: string; leads: number }>(
      db,
      sql`select upper(${leads.country}) as country, count(*)::int as leads
          from ${leads}
          where ${leads.country} is not null
            and not exists (select 1 from ${teamTerritories} tt where tt.country = upper(${leads.country}))
          group by 1
          order by 2 desc, 1`,
    ),
  ]);
  return {
    unassignedMqls: Number(queue?.n ?? 0),
    uncoveredCountries: uncovered.map((r) => ({ country: r.country, leads: Number(r.leads) })),
  };
}
