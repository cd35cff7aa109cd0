import { getDb } from "@/db/client";
import { viewerOf } from "@/lib/auth/principal";
import { getLead } from "@/lib/domain/leads/get-lead";
import { leadTimeline } from "@/lib/domain/leads/lead-timeline";
import { listLeadEvents as contract } from "@/lib/http/contracts/leads";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

export const GET = withApi(contract, async ({ principal, params, query, reply }) => {
  const db = await getDb();
  const lead = await getLead({ db, actor: viewerOf(principal), id: params.id });
  if (!lead) throw new AppError("not_found", "No lead with this id is visible to you.");
  const page = await leadTimeline(db, lead.id, query);
  return reply(200, { data: page.events, next: page.next });
});
