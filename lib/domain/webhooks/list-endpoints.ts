import { desc } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { endpointStats, endpointView, type EndpointView } from "./endpoint-view";

/** Every endpoint, newest first, with what is pending and how the last delivery went. */
export async function listEndpoints(q: Queryable): Promise<EndpointView[]> {
  const rows = await q.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt));
  const stats = await endpointStats(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => endpointView(r, stats.get(r.id)!));
}
