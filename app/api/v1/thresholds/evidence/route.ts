import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { thresholdEvidence } from "@/lib/domain/thresholds/analysis";

/** The threshold designer's evidence: current scores, 12 weeks of replayed crossings, past handoffs and their outcomes. */
export const GET = withApi({ permission: "thresholds:read", scope: "model:read" }, async () => {
  return Response.json({ data: await thresholdEvidence(await getDb()) });
});
