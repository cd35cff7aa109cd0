import { getDb } from "@/db/client";
import { viewerOf } from "@/lib/auth/principal";
import { leadActivity } from "@/lib/domain/decisions/lead-activity";
import { getLead } from "@/lib/domain/leads/get-lead";
import { leadToJson } from "@/lib/domain/leads/serialize";
import { getLeadLifecycle } from "@/lib/domain/lifecycle/lead-lifecycle";
import { getLeadPrediction } from "@/lib/domain/predict/score";
import { eraseLead } from "@/lib/domain/privacy/erase-lead";
import { getLeadScore } from "@/lib/domain/scoring/lead-score";
import { getLeadSla } from "@/lib/domain/sla/lead-sla";
import { getLead as contract } from "@/lib/http/contracts/leads";
import { eraseLead as eraseContract } from "@/lib/http/contracts/privacy";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

export const GET = withApi(contract, async ({ principal, params, reply }) => {
  const db = await getDb();
  const lead = await getLead({ db, actor: viewerOf(principal), id: params.id });
  if (!lead) throw new AppError("not_found", "No lead with this id is visible to you.");
  const score = await getLeadScore(db, lead.id, { receipt: true });
  const [lifecycle, activity, sla, prediction] = await Promise.all([
    getLeadLifecycle(db, lead, score),
    leadActivity(db, lead.id),
    getLeadSla(db, lead.id),
    getLeadPrediction(db, lead.id),
  ]);
  return reply(200, {
    data: {
      ...leadToJson(lead, score, lifecycle),
      decisions: activity.decisions,
      touches: activity.touches,
      sla,
      prediction,
    },
  });
});

/** GDPR erasure (admins, privacy:write): see lib/domain/privacy/erase-lead.ts. */
export const DELETE = withApi(eraseContract, async ({ principal, params, reply }) => {
  const result = await eraseLead({ db: await getDb(), principal, id: params.id });
  return reply(200, { data: result });
});
