import { z } from "zod";
import { getDb } from "@/db/client";
import { viewerOf } from "@/lib/auth/actor";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { MAX_BATCH } from "@/lib/domain/ingest/schemas";
import { listLeads, listLeadsSchema } from "@/lib/domain/leads/list-leads";
import { leadRowToJson } from "@/lib/domain/leads/serialize";
import { upsertLeads } from "@/lib/domain/leads/upsert-leads";

export const GET = withApi(
  { permission: "leads:read", scope: "leads:read", query: listLeadsSchema },
  async ({ principal, query }) => {
    const result = await listLeads({ db: await getDb(), actor: viewerOf(principal), query });
    return Response.json({
      data: result.rows.map(leadRowToJson),
      page: result.page,
      pageSize: result.pageSize,
      total: result.total,
      pageCount: result.pageCount,
      nextCursor: result.nextCursor,
    });
  },
);

/** Upsert by email or external id: one lead `{ … }` or a batch `{ "leads": [ … ] }`. */
export const POST = withApi(
  {
    permission: "leads:write",
    scope: "leads:write",
    body: z.union([z.object({ leads: z.array(z.unknown()) }), z.record(z.string(), z.unknown())]),
    maxBodyBytes: 4_000_000,
  },
  async ({ body }) => {
    const batch = Array.isArray((body as { leads?: unknown }).leads);
    const items = batch ? (body as { leads: unknown[] }).leads : [body];
    if (items.length > MAX_BATCH)
      throw new AppError(
        "payload_too_large",
        `At most ${MAX_BATCH} leads per call; this one has ${items.length}.`,
      );
    const result = await upsertLeads(await getDb(), items, { source: "api" });
    if (!batch && result.errors.length) {
      throw new AppError("validation_failed", result.errors[0].message, result.errors[0].fields);
    }
    return Response.json(
      batch
        ? {
            data: result.leads,
            created: result.leads.filter((l) => l.created).length,
            updated: result.leads.filter((l) => !l.created).length,
            errors: result.errors,
          }
        : { data: result.leads[0] },
      { status: !batch && result.leads[0]?.created ? 201 : 200 },
    );
  },
);
