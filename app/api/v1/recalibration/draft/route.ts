import { getDb } from "@/db/client";
import { principalLabel } from "@/lib/auth/principal";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { applyToDraft } from "@/lib/domain/predict/apply-to-draft";
import { draftChangesSchema } from "@/lib/domain/predict/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** Writes the picked suggestions into the draft model (never publishes). */
export const POST = withApi(
  { permission: "recalibration:draft", body: draftChangesSchema },
  async ({ principal, body }) => {
    sessionUser(principal);
    const data = await applyToDraft(await getDb(), body, principalLabel(principal));
    return Response.json({ data });
  },
);
