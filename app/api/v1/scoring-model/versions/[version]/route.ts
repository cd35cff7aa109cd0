import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { AppError, validationError } from "@/lib/shared/errors";
import { getVersionRecord, versionParamsSchema } from "@/lib/domain/scoring/get-version";

/** One published version: its document and who published it, when, why and what it cost. */
export const GET = withApi(
  { permission: "rules:read", scope: "model:read" },
  async ({ params }) => {
    const parsed = versionParamsSchema.safeParse(params);
    if (!parsed.success)
      throw validationError(parsed.error, "The version in the URL is not valid.");
    const record = await getVersionRecord(await getDb(), parsed.data.version);
    if (!record)
      throw new AppError("not_found", `There is no published version ${parsed.data.version}.`);
    const { model, authorLabel, publishedAt, ...meta } = record;
    return Response.json({
      data: { ...meta, author: authorLabel, publishedAt: publishedAt.toISOString(), model },
    });
  },
);
