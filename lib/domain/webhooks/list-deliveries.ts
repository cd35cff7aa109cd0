/** An endpoint's delivery log, newest first, a page at a time (keyset on the delivery id). */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Principal } from "@/lib/auth/principal";
import { parseInput } from "@/lib/auth/guard";
import { assertManagesWebhooks } from "./access";
import { selectDeliveries, type DeliveryView } from "./delivery-view";
import { findEndpoint } from "./find-endpoint";
import { deliveriesQuerySchema } from "./schemas";

export async function listDeliveries({
  db,
  principal,
  endpointId,
  query,
}: {
  db: Db;
  principal: Principal;
  endpointId: string;
  query: unknown;
}): Promise<{ data: DeliveryView[]; nextCursor: string | null }> {
  assertManagesWebhooks(principal);
  const { status, cursor, limit } = parseInput(deliveriesQuerySchema, query ?? {});
  const endpoint = await findEndpoint(db, endpointId);
  const rows = await selectDeliveries(
    db,
    sql`d.endpoint_id = ${endpoint.id}
        ${status ? sql`and d.status = ${status}` : sql``}
        ${cursor ? sql`and d.id < ${cursor}` : sql``}`,
    limit + 1,
  );
  const page = rows.slice(0, limit);
  return {
    data: page,
    nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
  };
}
