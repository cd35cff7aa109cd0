import { getDb } from "@/db/client";
import { getReportSettings, updateReportSettings } from "@/lib/domain/reports/settings";
import * as contracts from "@/lib/http/contracts/reports";
import { withApi } from "@/lib/http/with-api";
import { appNow } from "@/lib/infra/clock";

/** The funnel's target rate and stage, and how long an open MQL may wait before it counts as lost. */
export const GET = withApi(contracts.getReportSettings, async ({ reply }) =>
  reply(200, { data: await getReportSettings(await getDb()) }),
);

/** Replaces the report settings (admins and managers, signed in). */
export const PUT = withApi(contracts.updateReportSettings, async ({ user, body, reply }) =>
  reply(200, {
    data: await updateReportSettings(await getDb(), body, { userId: user.id, now: appNow() }),
  }),
);
