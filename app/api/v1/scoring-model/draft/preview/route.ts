import { getDb } from "@/db/client";
import { readOptionalJson, withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { AppError } from "@/lib/shared/errors";
import { parseModelOr422 } from "@/lib/domain/scoring/draft-input";
import { previewModel } from "@/lib/domain/scoring/preview";
import { getActiveModel, getDraft } from "@/lib/domain/scoring/versions";

/** The impact of the saved draft (or of the model in the body) on every lead, without publishing. */
export const POST = withApi(
  { permission: "rules:read", scope: "model:read" },
  async ({ request }) => {
    const db = await getDb();
    let document = await readOptionalJson(request, 2_000_000);
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
    return Response.json({ data: { ...preview, activeVersion: active?.version ?? null } });
  },
);
