import { getDb } from "@/db/client";
import { principalLabel } from "@/lib/auth/principal";
import * as contracts from "@/lib/http/contracts/scoring";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { parseModelOr422 } from "@/lib/domain/scoring/draft-input";
import { scoringModelSchema } from "@/lib/domain/scoring/model";
import { getActiveModel, getDraft, saveDraft } from "@/lib/domain/scoring/versions";

/** The saved draft (with defaults filled when valid, as saved when not), else the active model. */
export const GET = withApi(contracts.getScoringDraft, async ({ reply }) => {
  const db = await getDb();
  const draft = await getDraft(db);
  if (draft) {
    const meta = {
      baseVersion: draft.baseVersion,
      revision: draft.revision,
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedByLabel,
    };
    const parsed = scoringModelSchema.safeParse(draft.document);
    return reply(200, {
      data: parsed.success
        ? { model: parsed.data, ...meta, valid: true }
        : { model: draft.document as Record<string, unknown>, ...meta, valid: false },
    });
  }
  const active = await getActiveModel(db);
  if (!active)
    throw new AppError(
      "not_found",
      "There is no draft and no published model yet; PUT a draft first.",
    );
  return reply(200, {
    data: {
      model: active.model,
      baseVersion: active.version,
      revision: 0,
      updatedAt: null,
      updatedBy: null,
      valid: true,
    },
  });
});

/** Replaces the draft with a valid model document; nothing goes live until publish. */
export const PUT = withApi(
  contracts.saveScoringDraft,
  async ({ request, body, principal, reply }) => {
    const ifRevision = ifMatchRevision(request);
    const model = parseModelOr422(body);
    const who = principalLabel(principal);
    const db = await getDb();
    const draft = await saveDraft(
      db,
      model,
      { userId: who.userId, label: who.label },
      { ifRevision },
    );
    return reply(200, {
      data: {
        model,
        baseVersion: draft.baseVersion,
        revision: draft.revision,
        updatedAt: draft.updatedAt,
        updatedBy: draft.updatedByLabel,
        valid: true,
      },
    });
  },
);

/** `If-Match: 3`, `"3"` or `W/"3"` → 3; absent → undefined (the save replaces whatever is there). */
function ifMatchRevision(request: Request): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw new AppError("validation_failed", "If-Match must be the draft's revision, e.g. 3.", {
      "If-Match": ["Expected the draft's revision, a whole number."],
    });
  return Number(match[1]);
}
