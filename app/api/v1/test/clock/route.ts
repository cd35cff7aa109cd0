/**
 * End-to-end test hook, only with ACCORD_TEST_CLOCK=1 (404 otherwise): moves the app clock and
 * runs the SLA sweep at once, so a test sees a breach without sleeping.
 *   POST { "at": "2026-11-23T12:00:00Z" } | { "advanceMinutes": 240 } | { "reset": true } (or no body)
 */
import { getDb } from "@/db/client";
import { sweepBreaches } from "@/lib/domain/sla/sweep";
import * as contracts from "@/lib/http/contracts/admin";
import { withApi } from "@/lib/http/with-api";
import { appNow, setTestClock } from "@/lib/infra/clock";
import { testClockEnabled } from "@/lib/infra/env";
import { AppError } from "@/lib/shared/errors";

function requireEnabled() {
  if (!testClockEnabled()) throw new AppError("not_found", "Not found.");
}

export const GET = withApi(contracts.getTestClock, ({ reply }) => {
  requireEnabled();
  return reply(200, { data: { now: appNow().toISOString() } });
});

export const POST = withApi(contracts.setTestClock, async ({ body, reply }) => {
  requireEnabled();
  const change = body ?? { reset: true as const };
  const now = setTestClock(
    "at" in change
      ? new Date(change.at)
      : "advanceMinutes" in change
        ? new Date(appNow().getTime() + change.advanceMinutes * 60_000)
        : null,
  );
  const sweep = await sweepBreaches(await getDb(), now);
  return reply(200, {
    data: {
      now: now.toISOString(),
      breaches: sweep.breaches.length,
      notified: sweep.notified,
      reassigned: sweep.reassigned,
    },
  });
});
