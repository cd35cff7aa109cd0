import { getDb } from "@/db/client";
import { listSavedMappings, saveMapping } from "@/lib/domain/imports/imports";
import * as contracts from "@/lib/http/contracts/imports";
import { principalName } from "@/lib/http/principal-name";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(contracts.listImportMappings, async ({ query, reply }) => {
  return reply(200, { data: await listSavedMappings(await getDb(), query.kind) });
});

export const POST = withApi(contracts.saveImportMapping, async ({ body, principal, reply }) => {
  const saved = await saveMapping(await getDb(), { ...body, createdBy: principalName(principal) });
  return reply(201, { data: saved });
});
