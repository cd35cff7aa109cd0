import { z } from "zod";
import { pruneOldEvents } from "@/lib/domain/privacy/retention";
import { defineJob } from "../definition";

/**
 * Daily, once per cluster: deletes the events older than the retention an admin set in Settings
 * (nothing while it is off), in slices, with progress.
 */
export const privacyRetentionJob = defineJob({
  name: "privacy-retention",
  payload: z.object({}),
  singleton: true,
  schedule: "17 2 * * *",
  retry: { attempts: 3, delaySeconds: 300 },
  timeoutSeconds: 6 * 3600,
  readers: { permission: "privacy:manage", scope: "privacy:write" },
  async run({ db, progress, signal }) {
    return pruneOldEvents(db, {
      signal,
      onProgress: (done, total) => progress(done, total, "deleting"),
    });
  },
});
