import { getDb } from "@/db/client";
import { viewerOf } from "@/lib/auth/actor";
import { withApi } from "@/lib/auth/api";
import { AppError } from "@/lib/errors";
import { getLead } from "@/lib/leads/get-lead";
import { leadActivity } from "@/lib/decisions/lead-activity";
import { isLeadId } from "@/lib/leads/id";
import { leadToJson } from "@/lib/leads/serialize";
import { getLeadLifecycle } from "@/lib/lifecycle/lead-lifecycle";
import { getLeadPrediction } from "@/lib/predict/score";
import { getLeadScore } from "@/lib/scoring/lead-score";
import { getLeadSla } from "@/lib/sla/lead-sla";

export const GET = withApi({ permission: "leads:read", scope: "leads:read" }, async ({ principal, params }) => {
  const db = await getDb();
  const lead = isLeadId(params.id) ? await getLead({ db, actor: viewerOf(principal), id: params.id }) : null;
  if (!lead) throw new AppError("not_found", "No lead with this id is visible to you.");
  const score = await getLeadScore(db, lead.id, { receipt: true });
  const [lifecycle, activity, sla, prediction] = await Promise.all([getLeadLifecycle(db, lead, score), leadActivity(db, lead.id), getLeadSla(db, lead.id), getLeadPrediction(db, lead.id)]);
  return Response.json({ data: { ...leadToJson(lead, score, lifecycle), decisions: activity.decisions, touches: activity.touches, sla, prediction } });
});
