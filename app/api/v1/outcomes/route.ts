import { getDb } from "@/db/client";
import { principalLabel } from "@/lib/auth/actor";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { MAX_OUTCOMES, outcomeBatchSchema } from "@/lib/domain/outcomes/outcome-schemas";
import { recordOutcomes } from "@/lib/domain/outcomes/record";

/**
 * Records CRM outcomes (opportunity, won) as lifecycle transitions. Answers how many were
 * recorded, how many were already known (skipped), and each refused item by index: 200 when any
 * item was recorded or skipped, 400 when every item was refused.
 */
export const POST = withApi(
  {
    permission: "leads:write",
    scope: "leads:write",
    body: outcomeBatchSchema,
    maxBodyBytes: 2_000_000,
  },
  async ({ body, principal }) => {
    if (body.outcomes.length > MAX_OUTCOMES) {
      throw new AppError(
        "payload_too_large",
        `At most ${MAX_OUTCOMES} outcomes per call; this one has ${body.outcomes.length}.`,
      );
    }
    const { actorType, actorId } = principalLabel(principal);
    const result = await recordOutcomes(await getDb(), body.outcomes, { actorType, actorId });
    const data = { recorded: result.recorded, skipped: result.skipped, errors: result.errors };
    if (result.recorded + result.skipped === 0) {
      return Response.json(
        {
          data,
          error: {
            code: "validation_failed",
            message: "No outcome was recorded; see data.errors.",
          },
        },
        { status: 400 },
      );
    }
    return Response.json({ data });
  },
);
