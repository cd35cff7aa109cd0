import { getDb } from "@/db/client";
import { principalLabel } from "@/lib/auth/principal";
import { restoreScoringVersion as contract } from "@/lib/http/contracts/scoring";
import { withApi } from "@/lib/http/with-api";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { restoreVersion } from "@/lib/domain/scoring/restore-version";

/** Copies a published version into the draft (replacing it); nothing goes live until publish. */
export const POST = withApi(contract, async ({ params, principal, reply }) => {
  const draft = await restoreVersion({
    db: await getDb(),
    by: principalLabel(principal),
    version: params.version,
  });
  return reply(200, {
    data: {
      // A published version's model, parsed on reading (getVersionRecord).
      model: draft.document as ScoringModel,
      baseVersion: draft.baseVersion,
      revision: draft.revision,
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedByLabel,
      valid: true,
      restoredFrom: draft.restoredFrom,
    },
  });
});
