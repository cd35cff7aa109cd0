import { getDb } from "@/db/client";
import { viewerOf } from "@/lib/auth/principal";
import { MAX_BATCH } from "@/lib/domain/ingest/schemas";
import { listLeads } from "@/lib/domain/leads/list-leads";
import { leadRowToJson } from "@/lib/domain/leads/serialize";
import { upsertLeads } from "@/lib/domain/leads/upsert-leads";
import * as contracts from "@/lib/http/contracts/leads";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

export const GET = withApi(contracts.listLeads, async ({ principal, query, reply }) => {
  const result = await listLeads({ db: await getDb(), actor: viewerOf(principal), query });
  return reply(200, {
    data: result.rows.map(leadRowToJson),
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    totalIsExact: result.totalIsExact,
    hasMore: result.hasMore,
    pageCount: result.pageCount,
    nextCursor: result.nextCursor,
  });
});

/** Upsert by email or external id: one lead `{ … }` or a batch `{ "leads": [ … ] }`. */
export const POST = withApi(contracts.upsertLeads, async ({ body, reply }) => {
  const batch = "leads" in body && Array.isArray(body.leads) ? body.leads : null;
  const items = batch ?? [body];
  if (items.length > MAX_BATCH)
    throw new AppError(
      "payload_too_large",
      `At most ${MAX_BATCH} leads per call; this one has ${items.length}.`,
    );
  const result = await upsertLeads(await getDb(), items, { source: "api" });
  if (batch) {
    const created = result.leads.filter((l) => l.created).length;
    return reply(200, {
      data: result.leads,
      created,
      updated: result.leads.length - created,
      suppressed: result.suppressed,
      errors: result.errors,
    });
  }
  if (result.errors.length)
    throw new AppError("validation_failed", result.errors[0].message, result.errors[0].fields);
  if (result.suppressed) return reply(200, { data: null, suppressed: 1 });
  return reply(result.leads[0].created ? 201 : 200, { data: result.leads[0] });
});
