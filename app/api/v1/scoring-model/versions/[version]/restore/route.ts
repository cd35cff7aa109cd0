import { getDb } from "@/db/client";
import { principalLabel } from "@/lib/auth/principal";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { validationError } from "@/lib/shared/errors";
import { versionParamsSchema } from "@/lib/domain/scoring/get-version";
import { restoreVersion } from "@/lib/domain/scoring/restore-version";

/** Copies a published version into the draft (replacing it); nothing goes live until publish. */
export const POST = withApi(
  { permission: "rules:write", scope: "model:write" },
  async ({ params, principal }) => {
    const parsed = versionParamsSchema.safeParse(params);
    if (!parsed.success)
      throw validationError(parsed.error, "The version in the URL is not valid.");
    const draft = await restoreVersion({
      db: await getDb(),
      by: principalLabel(principal),
      version: parsed.data.version,
    });
    return Response.json({
      data: {
        model: draft.document,
        baseVersion: draft.baseVersion,
        updatedAt: draft.updatedAt.toISOString(),
        updatedBy: draft.updatedByLabel,
        valid: true,
        restoredFrom: draft.restoredFrom,
      },
    });
  },
);
