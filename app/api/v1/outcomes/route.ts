import { getDb } from "@/db/client";
import { principalLabel } from "@/lib/auth/principal";
import { MAX_OUTCOMES } from "@/lib/domain/outcomes/outcome-schemas";
import { recordOutcomes } from "@/lib/domain/outcomes/record";
import { recordOutcomes as contract } from "@/lib/http/contracts/leads";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

/**
 * Records CRM outcomes (opportunity, won) as lifecycle transitions. Answers how many were
 * recorded, how many were already known (skipped), and each refused item by index: 200 when any
 * item was recorded or skipped, 400 when every item was refused.
 */
export const POST = withApi(contract, async ({ body, principal, reply }) => {
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
    return reply(400, {
      data,
      error: { code: "validation_failed", message: "No outcome was recorded; see data.errors." },
    });
  }
  return reply(200, { data });
});
