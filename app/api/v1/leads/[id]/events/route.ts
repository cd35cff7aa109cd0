import { viewerOf } from "@/lib/auth/actor";
import { getDb } from "@/db/client";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { getLead } from "@/lib/domain/leads/get-lead";
import { isLeadId } from "@/lib/domain/leads/id";
import { leadTimeline, timelineSchema } from "@/lib/domain/leads/lead-timeline";

export const GET = withApi(
  { permission: "leads:read", scope: "leads:read", query: timelineSchema },
  async ({ principal, params, query }) => {
    const db = await getDb();
    const lead = isLeadId(params.id)
      ? await getLead({ db, actor: viewerOf(principal), id: params.id })
      : null;
    if (!lead) throw new AppError("not_found", "No lead with this id is visible to you.");
    const page = await leadTimeline(db, lead.id, query);
    return Response.json({
      data: page.events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
      next: page.next,
    });
  },
);
