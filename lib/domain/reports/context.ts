/** What most reports need besides the handoffs: the active model, the settings, and when outcomes start. */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { outcomesRecordedSinceSql } from "@/lib/domain/outcomes/mql-outcomes";
import { getActiveModel } from "@/lib/domain/scoring/versions";
import { isoSql } from "./periods";
import type { ReportQuery } from "./types";

export const EMPTY_QUERY: ReportQuery = {
  from: null,
  to: null,
  teamId: null,
  repId: null,
  source: null,
};

/** The first transition into `target`'s stages, as an ISO string (null when none yet). */
export async function outcomesSince(db: Queryable, target: OutcomeTarget): Promise<string | null> {
  const [row] = await queryRows<{ at: string | null }>(
    db,
    sql`select ${isoSql(sql`since`)} as at from (${outcomesRecordedSinceSql(target)}) x`,
  );
  return row?.at ?? null;
}

export { getActiveModel };
