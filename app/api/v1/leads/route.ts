import { viewerOf } from "@/lib/auth/actor";
import { getDb } from "@/db/client";
import { withApi } from "@/lib/auth/api";
import { listLeads, listLeadsSchema } from "@/lib/leads/list-leads";
import { leadRowToJson } from "@/lib/leads/serialize";

export const GET = withApi({ permission: "leads:read", query: listLeadsSchema }, async ({ principal, query }) => {
  const result = await listLeads({ db: await getDb(), actor: viewerOf(principal), query });
  return Response.json({
    data: result.rows.map(leadRowToJson),
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    pageCount: result.pageCount,
  });
});
