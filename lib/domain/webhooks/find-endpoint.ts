import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { AppError } from "@/lib/shared/errors";
import { isUuid } from "@/lib/infra/ids";

/** The endpoint, locked for the rest of the transaction when asked; anything else is "not found". */
export async function findEndpoint(
  q: Queryable,
  id: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<WebhookEndpoint> {
  if (!isUuid(id)) throw new AppError("not_found", "No webhook endpoint with this id.");
  const query = q.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found", "No webhook endpoint with this id.");
  return row;
}
