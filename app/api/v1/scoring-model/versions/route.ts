import { getDb } from "@/db/client";
import { listScoringVersions as contract } from "@/lib/http/contracts/scoring";
import { withApi } from "@/lib/http/with-api";
import { listVersions } from "@/lib/domain/scoring/versions";

export const GET = withApi(contract, async ({ reply }) => {
  return reply(200, { data: await listVersions(await getDb()) });
});
