import { getDb } from "@/db/client";
import { viewerOf } from "@/lib/auth/actor";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { getLead } from "@/lib/domain/leads/get-lead";
import { leadActivity } from "@/lib/domain/decisions/lead-activity";
import { isLeadId } from "@/lib/domain/leads/id";
import { leadToJson } from "@/lib/domain/leads/serialize";
import { getLeadLifecycle } from "@/lib/domain/lifecycle/lead-lifecycle";
import { getLeadPrediction } from "@/lib/domain/predict/score";
import { getLeadScore } from "@/lib/domain/scoring/lead-score";
import { getLeadSla } from "@/lib/domain/sla/lead-sla";

export const GET = withApi(
  { permission: "leads:read", scope: "leads:read" },
  async ({ principal, params }) => {
    const db = await getDb();
    const lead = isLeadId(params.id)
      ? await getLead({ db, actor: viewerOf(principal), id: params.id })
      : null;
    if (!lead) throw new AppError("not_found", "No lead with this id is visible to you.");
    const score = await getLeadScore(db, lead.id, { receipt: true });
    const [lifecycle, activity, sla, prediction] = await Promise.all([
      getLeadLifecycle(db, lead, score),
      leadActivity(db, lead.id),
      getLeadSla(db, lead.id),
      getLeadPrediction(db, lead.id),
    ]);
    return Response.json({
      data: {
        ...leadToJson(lead, score, lifecycle),
        decisions: activity.decisions,
        touches: activity.touches,
        sla,
        prediction,
      },
    });
  },
);
