import { z } from "zod";
import { rerouteUnassigned } from "@/lib/domain/routing/reroute-unassigned";
import { sweepBreaches } from "@/lib/domain/sla/sweep";
import { appNow } from "@/lib/infra/clock";
import { defineJob } from "../definition";

/**
 * Every minute, once per cluster: marks each SLA breach once, notifies, reassigns where the tier
 * says so — then routes the unassigned queue to the reps who can now take leads.
 */
export const slaSweepJob = defineJob({
  name: "sla-sweep",
  payload: z.object({}),
  singleton: true,
  readers: { permission: "settings:read" },
  schedule: "* * * * *",
  timeoutSeconds: 5 * 60,
  async run({ db }) {
    const now = appNow();
    const result = await sweepBreaches(db, now);
    const { routed } = await rerouteUnassigned(db, now);
    return {
      breaches: result.breaches.length,
      notified: result.notified,
      reassigned: result.reassigned,
      routed: routed.length,
    };
  },
});
