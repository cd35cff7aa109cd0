import { z } from "zod";
import { getDb } from "@/db/client";
import { principalLabel } from "@/lib/auth/principal";
import { readOptionalJson, withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { validationError } from "@/lib/shared/errors";
import { publishDraft } from "@/lib/domain/scoring/publish";

const publishSchema = z
  .object({
    note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
  })
  .default({ note: "" });

/** Publishes the draft as a new version and rescores every lead against it, atomically. */
export const POST = withApi(
  { permission: "rules:write", scope: "model:write" },
  async ({ request, principal }) => {
    const parsed = publishSchema.safeParse(await readOptionalJson(request, 100_000));
    if (!parsed.success) throw validationError(parsed.error);
    const { note } = parsed.data;
    const result = await publishDraft(await getDb(), principalLabel(principal), note);
    return Response.json({ data: result });
  },
);
