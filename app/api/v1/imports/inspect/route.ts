import { getDb } from "@/db/client";
import { inspectFile } from "@/lib/domain/imports/inspect";
import { storeUpload } from "@/lib/domain/imports/upload";
import { principalName } from "@/lib/http/principal-name";
import * as contracts from "@/lib/http/contracts/imports";
import { readMultipart } from "@/lib/http/multipart";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";
import { IMPORT_KINDS, type ImportKind } from "@/lib/shared/imports";

export const POST = withApi(contracts.inspectImport, async ({ request, principal, reply }) => {
  const db = await getDb();
  const { fields, file } = await readMultipart(request, async (stream, fileName) => ({
    ...(await storeUpload(db, stream, { fileName, createdBy: principalName(principal) })),
    fileName,
  }));
  if (!file)
    throw new AppError("validation_failed", "Send the CSV as the file field.", {
      file: ["Required."],
    });
  const kind = (IMPORT_KINDS as readonly string[]).includes(fields.kind ?? "")
    ? (fields.kind as ImportKind)
    : undefined;
  return reply(200, { data: inspectFile(file, kind) });
});
