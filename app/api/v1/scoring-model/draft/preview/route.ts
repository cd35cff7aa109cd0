import { getDb } from "@/db/client";
import { previewScoringDraft as contract } from "@/lib/http/contracts/scoring";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { parseModelOr422 } from "@/lib/domain/scoring/draft-input";
import { previewModel } from "@/lib/domain/scoring/preview";
import { getActiveModel, getDraft } from "@/lib/domain/scoring/versions";

/** The impact of the saved draft (or of the model in the body) on every lead, without publishing. */
export const POST = withApi(contract, async ({ body, reply }) => {
  const db = await getDb();
  let document = body;
  if (document === undefined) {
    const draft = await getDraft(db);
    if (!draft)
      throw new AppError(
        "not_found",
        "There is no draft to preview; PUT one or send a model in the body.",
      );
    document = draft.document;
  }
  const draft = parseModelOr422(document);
  const active = await getActiveModel(db);
  const preview = await previewModel(db, {
    draft,
    activeThreshold: active?.model.mqlThreshold ?? null,
  });
  return reply(200, { data: { ...preview, activeVersion: active?.version ?? null } });
});
