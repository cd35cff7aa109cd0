import { getDb } from "@/db/client";
import { failedRowsCsv, getImportView, importHeaders } from "@/lib/domain/imports/imports";
import * as contracts from "@/lib/http/contracts/imports";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

export const GET = withApi(contracts.getImportFailedRows, async ({ params }) => {
  const db = await getDb();
  const view = await getImportView(db, params.id);
  if (!view) throw new AppError("not_found", "No import with this id.");
  const lines = failedRowsCsv(db, view.id, await importHeaders(db, view.uploadId));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="accord-import-${view.id.slice(0, 8)}-failed.csv"`,
    },
  });
});
