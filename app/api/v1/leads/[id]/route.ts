import { getDb } from "@/db/client";
import { withApi } from "@/lib/auth/api";
import { AppError } from "@/lib/errors";
import { getLead } from "@/lib/leads/get-lead";
import { isLeadId } from "@/lib/leads/id";
import { leadToJson } from "@/lib/leads/serialize";

export const GET = withApi({ permission: "leads:read" }, async ({ actor, params }) => {
  const lead = isLeadId(params.id) ? await getLead({ db: await getDb(), actor, id: params.id }) : null;
  if (!lead) throw new AppError("not_found", "No lead with this id is visible to you.");
  return Response.json({ data: leadToJson(lead) });
});
