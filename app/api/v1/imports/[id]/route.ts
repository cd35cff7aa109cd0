import { getDb } from "@/db/client";
import { getImportView } from "@/lib/domain/imports/imports";
import * as contracts from "@/lib/http/contracts/imports";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

export const GET = withApi(contracts.getImport, async ({ params, reply }) => {
  const view = await getImportView(await getDb(), params.id);
  if (!view) throw new AppError("not_found", "No import with this id.");
  return reply(200, { data: view });
});
