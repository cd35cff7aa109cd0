import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import {
  getReportSettings,
  reportSettingsSchema,
  updateReportSettings,
} from "@/lib/domain/reports/settings";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** The funnel's target rate and stage, and how long an open MQL may wait before it counts as lost. */
export const GET = withApi({ permission: "reports:read", scope: "reports:read" }, async () => {
  return Response.json({ data: await getReportSettings(await getDb()) });
});

/** Replaces the report settings (admins and managers, signed in). */
export const PUT = withApi(
  { permission: "reports:write", body: reportSettingsSchema },
  async ({ principal, body }) => {
    const actor = sessionUser(principal);
    return Response.json({
      data: await updateReportSettings(await getDb(), body, { userId: actor.id, now: appNow() }),
    });
  },
);
