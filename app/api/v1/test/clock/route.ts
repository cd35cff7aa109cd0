/**
 * End-to-end test hook, only with ACCORD_TEST_CLOCK=1 (404 otherwise): moves the app clock and
 * runs the SLA sweep at once, so a test sees a breach without sleeping.
 *   POST { "at": "2026-11-23T12:00:00Z" } | { "advanceMinutes": 240 } | { "reset": true }
 */
import { z } from "zod";
import { getDb } from "@/db/client";
import { readOptionalJson } from "@/lib/http/with-api";
import { appNow, setTestClock } from "@/lib/infra/clock";
import { testClockEnabled } from "@/lib/infra/env";
import { AppError, toResponse, validationError } from "@/lib/shared/errors";
import { sweepBreaches } from "@/lib/domain/sla/sweep";

const bodySchema = z.union([
  z.object({ at: z.iso.datetime({ offset: true }) }),
  z.object({ advanceMinutes: z.number().int().min(-525_600).max(525_600) }),
  z.object({ reset: z.literal(true) }),
]);

function requireEnabled() {
  if (!testClockEnabled()) throw new AppError("not_found", "Not found.");
}

export async function GET(): Promise<Response> {
  try {
    requireEnabled();
    return Response.json({ data: { now: appNow().toISOString() } });
  } catch (error) {
    return toResponse(error);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    requireEnabled();
    const parsed = bodySchema.safeParse(
      (await readOptionalJson(request, 10_000)) ?? { reset: true },
    );
    if (!parsed.success) throw validationError(parsed.error);
    const body = parsed.data;
    const now = setTestClock(
      "at" in body
        ? new Date(body.at)
        : "advanceMinutes" in body
          ? new Date(appNow().getTime() + body.advanceMinutes * 60_000)
          : null,
    );
    const sweep = await sweepBreaches(await getDb(), now);
    return Response.json({
      data: {
        now: now.toISOString(),
        breaches: sweep.breaches.length,
        notified: sweep.notified,
        reassigned: sweep.reassigned,
      },
    });
  } catch (error) {
    return toResponse(error);
  }
}
