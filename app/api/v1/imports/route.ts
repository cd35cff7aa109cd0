import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import {
  attachJob,
  createImportRecord,
  getImportView,
  listImportViews,
  prepareImport,
} from "@/lib/domain/imports/imports";
import { storeUpload } from "@/lib/domain/imports/upload";
import * as contracts from "@/lib/http/contracts/imports";
import { readMultipart } from "@/lib/http/multipart";
import { principalName } from "@/lib/http/principal-name";
import { parseJsonText } from "@/lib/http/read-json";
import { withApi } from "@/lib/http/with-api";
import { importRunJob } from "@/lib/jobs/definitions/import-run";
import { enqueue } from "@/lib/jobs/queue";
import { AppError } from "@/lib/shared/errors";
import { IMPORT_KINDS, type ImportKind } from "@/lib/shared/imports";

const bad = (field: string, message: string) =>
  new AppError("validation_failed", message, { [field]: [message] });

export const POST = withApi(contracts.createImport, async ({ request, principal, reply }) => {
  const db = await getDb();
  const by = principalName(principal);
  const { fields, file } = await readMultipart(request, (stream, fileName) =>
    storeUpload(db, stream, { fileName, createdBy: by }),
  );
  const kind = fields.kind as ImportKind;
  if (!(IMPORT_KINDS as readonly string[]).includes(kind))
    throw bad("kind", `kind must be one of ${IMPORT_KINDS.join(", ")}.`);
  if (
    kind !== "outcomes" &&
    principal.kind === "user" &&
    !can(principal.user.role, "imports:leads")
  )
    throw new AppError("forbidden", "Your role may import outcomes only.");
  const uploadId = file?.id ?? fields.uploadId;
  if (!uploadId || !/^[0-9a-f-]{36}$/i.test(uploadId))
    throw bad("file", "Send the file, or the uploadId of an inspected one.");
  if (fields.dryRun !== undefined && !["true", "false"].includes(fields.dryRun))
    throw bad("dryRun", "dryRun is true or false.");
  let mapping: unknown = undefined;
  if (fields.mapping !== undefined) {
    try {
      mapping = parseJsonText(fields.mapping, "mapping");
    } catch (error) {
      throw bad("mapping", (error as Error).message);
    }
  }
  if (fields.mappingId !== undefined && !/^[0-9a-f-]{36}$/i.test(fields.mappingId))
    throw bad("mappingId", "mappingId is a saved mapping's id.");
  const prepared = await prepareImport(db, {
    uploadId,
    kind,
    mapping,
    mappingId: fields.mappingId,
  });
  const id = await createImportRecord(db, {
    uploadId,
    kind,
    mapping: prepared,
    dryRun: fields.dryRun === "true",
    requestedBy: by,
  });
  const jobId = await enqueue(db, importRunJob, { importId: id }, { requestedBy: by });
  await attachJob(db, id, jobId);
  return reply(202, { data: (await getImportView(db, id))! });
});

export const GET = withApi(contracts.listImports, async ({ query, reply }) => {
  return reply(200, { data: await listImportViews(await getDb(), query.limit) });
});
