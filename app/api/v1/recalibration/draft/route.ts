import { getDb } from "@/db/client";
import { principalLabel } from "@/lib/auth/principal";
import { applyToDraft } from "@/lib/domain/predict/apply-to-draft";
import * as contracts from "@/lib/http/contracts/reports";
import { withApi } from "@/lib/http/with-api";

/** Writes the picked suggestions into the draft model (never publishes). */
export const POST = withApi(
  contracts.applyRecalibrationToDraft,
  async ({ principal, body, reply }) =>
    reply(200, { data: await applyToDraft(await getDb(), body, principalLabel(principal)) }),
);
