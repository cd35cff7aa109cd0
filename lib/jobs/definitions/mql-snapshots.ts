import { z } from "zod";
import { refreshMqlSnapshots } from "@/lib/domain/outcomes/rule-hits";
import { appNow } from "@/lib/infra/clock";
import { defineJob } from "../definition";

/**
 * After a publish (and whenever the rules report finds handoffs not yet analysed under the live
 * model): records which rules each past handoff had hit, so the report's lift is ready in seconds
 * rather than at the next hourly training.
 */
export const mqlSnapshotsJob = defineJob({
  name: "mql-snapshots",
  payload: z.object({}),
  singleton: true,
  readers: { permission: "reports:read", scope: "reports:read" },
  retry: { attempts: 3, delaySeconds: 30 },
  timeoutSeconds: 30 * 60,
  async run({ db, progress }) {
    const result = await refreshMqlSnapshots(db, appNow(), (done, total) =>
      progress(done, total, "snapshots"),
    );
    return { version: result.version, computed: result.computed, ms: result.ms };
  },
});
