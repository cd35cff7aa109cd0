import { z } from "zod";
import { sweepBreaches } from "@/lib/domain/sla/sweep";
import { appNow } from "@/lib/infra/clock";
import { defineJob } from "../definition";

/** Every minute, once per cluster: marks each SLA breach once, notifies, reassigns where the tier says so. */
export const slaSweepJob = defineJob({
  name: "sla-sweep",
  payload: z.object({}),
  singleton: true,
  readers: { permission: "settings:read" },
  schedule: "* * * * *",
  timeoutSeconds: 5 * 60,
  async run({ db }) {
    const result = await sweepBreaches(db, appNow());
    return {
      breaches: result.breaches.length,
      notified: result.notified,
      reassigned: result.reassigned,
    };
  },
});
