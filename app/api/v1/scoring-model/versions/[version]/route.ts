import { getDb } from "@/db/client";
import { getScoringVersion as contract } from "@/lib/http/contracts/scoring";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { getVersionRecord } from "@/lib/domain/scoring/get-version";

/** One published version: its document and who published it, when, why and what it cost. */
export const GET = withApi(contract, async ({ params, reply }) => {
  const record = await getVersionRecord(await getDb(), params.version);
  if (!record) throw new AppError("not_found", `There is no published version ${params.version}.`);
  const { model, authorLabel, publishedAt, ...meta } = record;
  return reply(200, { data: { ...meta, author: authorLabel, publishedAt, model } });
});
