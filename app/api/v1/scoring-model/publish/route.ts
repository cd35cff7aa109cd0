import { getDb } from "@/db/client";
import { principalLabel } from "@/lib/auth/principal";
import { publishScoringDraft as contract } from "@/lib/http/contracts/scoring";
import { withApi } from "@/lib/http/with-api";
import { publishDraft } from "@/lib/domain/scoring/publish";

/** Publishes the draft as a new version and rescores every lead against it, atomically. */
export const POST = withApi(contract, async ({ body, principal, reply }) => {
  const result = await publishDraft(await getDb(), principalLabel(principal), body?.note ?? "");
  return reply(200, { data: result });
});
