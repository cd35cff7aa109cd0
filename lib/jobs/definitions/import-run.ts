import { z } from "zod";
import { runImport } from "@/lib/domain/imports/run-import";
import { defineJob } from "../definition";

/**
 * A CSV import or its dry run, over the file stored in the database (any worker can run it):
 * batch after batch, progress after each, cancellable between batches. No retry: a batch that
 * failed is reported, and running the import again skips what is already there.
 */
export const importRunJob = defineJob({
  name: "import-run",
  payload: z.object({ importId: z.guid() }),
  readers: { permission: "imports:write", scope: "imports:write" },
  cancellers: { permission: "imports:write", scope: "imports:write" },
  retry: { attempts: 1, delaySeconds: 60 },
  timeoutSeconds: 4 * 3600,
  async run({ db, payload, progress, signal }) {
    const counts = await runImport(db, payload.importId, { progress, signal });
    return { importId: payload.importId, ...counts };
  },
});
