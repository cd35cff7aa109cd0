import { getDb } from "@/db/client";
import { viewerOf } from "@/lib/auth/principal";
import { previewScoringDraft as contract } from "@/lib/http/contracts/scoring";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { parseModelOr422 } from "@/lib/domain/scoring/draft-input";
import { scoringModelSchema } from "@/lib/domain/scoring/model";
import { previewModel } from "@/lib/domain/scoring/preview";
import { getActiveModel, getDraft } from "@/lib/domain/scoring/versions";

/** The impact of the saved draft (or of the model in the body) on every lead, without publishing. */
export const POST = withApi(contract, async ({ body, query, principal, reply }) => {
  const db = await getDb();
  const saved = body === undefined || query.against === "draft" ? await getDraft(db) : null;
  if (!saved && (body === undefined || query.against === "draft"))
    throw new AppError(
      "not_found",
      "There is no saved draft; PUT one or send a model in the body.",
    );
  const draft = parseModelOr422(body ?? saved!.document);
  const active = await getActiveModel(db);
  const baseline =
    query.against === "draft"
      ? (scoringModelSchema.safeParse(saved!.document).data ?? active?.model ?? null)
      : (active?.model ?? null);
  const preview = await previewModel(db, {
    draft,
    baseline,
    viewer: viewerOf(principal),
    live: query.against !== "draft",
  });
  return reply(200, { data: { ...preview, activeVersion: active?.version ?? null } });
});
