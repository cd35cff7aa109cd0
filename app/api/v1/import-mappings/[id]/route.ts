import { getDb } from "@/db/client";
import { deleteMapping } from "@/lib/domain/imports/imports";
import * as contracts from "@/lib/http/contracts/imports";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

export const DELETE = withApi(contracts.deleteImportMapping, async ({ params }) => {
  if (!(await deleteMapping(await getDb(), params.id)))
    throw new AppError("not_found", "No saved mapping with this id.");
  return new Response(null, { status: 204 });
});
