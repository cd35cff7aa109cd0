import { getDb } from "@/db/client";
import { getImportView } from "@/lib/domain/imports/imports";
import * as contracts from "@/lib/http/contracts/imports";
import { withApi } from "@/lib/http/with-api";
import { cancelJob } from "@/lib/jobs/queue";
import { AppError } from "@/lib/shared/errors";

export const POST = withApi(contracts.cancelImport, async ({ params, reply }) => {
  const db = await getDb();
  const view = await getImportView(db, params.id);
  if (!view) throw new AppError("not_found", "No import with this id.");
  if (view.jobId) await cancelJob(db, view.jobId);
  return reply(200, { data: (await getImportView(db, params.id))! });
});
