import { z } from "zod";
import { getDb } from "@/db/client";
import { principalLabel } from "@/lib/auth/actor";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { parseModelOr422 } from "@/lib/domain/scoring/draft-input";
import { scoringModelSchema } from "@/lib/domain/scoring/model";
import { getActiveModel, getDraft, saveDraft } from "@/lib/domain/scoring/versions";

export const GET = withApi({ permission: "rules:read", scope: "model:read" }, async () => {
  const db = await getDb();
  const draft = await getDraft(db);
  if (draft) {
    const valid = scoringModelSchema.safeParse(draft.document).success;
    return Response.json({
      data: {
        model: draft.document,
        baseVersion: draft.baseVersion,
        updatedAt: draft.updatedAt.toISOString(),
        updatedBy: draft.updatedByLabel,
        valid,
      },
    });
  }
  const active = await getActiveModel(db);
  if (!active)
    throw new AppError(
      "not_found",
      "There is no draft and no published model yet; PUT a draft first.",
    );
  return Response.json({
    data: {
      model: active.model,
      baseVersion: active.version,
      updatedAt: null,
      updatedBy: null,
      valid: true,
    },
  });
});

/** Replaces the draft with a valid model document; nothing goes live until publish. */
export const PUT = withApi(
  { permission: "rules:write", scope: "model:write", body: z.unknown(), maxBodyBytes: 2_000_000 },
  async ({ body, principal }) => {
    const model = parseModelOr422(body);
    const who = principalLabel(principal);
    const db = await getDb();
    const draft = await saveDraft(db, model, {
      userId: who.userId,
      label: who.label,
    });
    return Response.json({
      data: {
        model,
        baseVersion: draft.baseVersion,
        updatedAt: draft.updatedAt.toISOString(),
        updatedBy: draft.updatedByLabel,
        valid: true,
      },
    });
  },
);
