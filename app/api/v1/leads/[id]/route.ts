import { getDb } from "@/db/client";
import { viewerOf } from "@/lib/auth/actor";
import { withApi } from "@/lib/auth/api";
import { AppError } from "@/lib/errors";
import { getLead } from "@/lib/leads/get-lead";
import { isLeadId } from "@/lib/leads/id";
import { leadToJson } from "@/lib/leads/serialize";
import { getLeadScore } from "@/lib/scoring/lead-score";

export const GET = withApi({ permission: "leads:read", scope: "leads:read" }, async ({ principal, params }) => {
  const db = await getDb();
  const lead = isLeadId(params.id) ? await getLead({ db, actor: viewerOf(principal), id: params.id }) : null;
  if (!lead) throw new AppError("not_found", "No lead with this id is visible to you.");
  return Response.json({ data: leadToJson(lead, await getLeadScore(db, lead.id, { receipt: true })) });
});
