import { z } from "zod";
import { pruneWebhookLog } from "@/lib/domain/webhooks/prune-log";
import { defineJob } from "../definition";

/** Daily, once per cluster: the delivery log keeps 30 days of finished deliveries. */
export const webhooksPruneJob = defineJob({
  name: "webhooks-prune",
  payload: z.object({}),
  singleton: true,
  schedule: "41 3 * * *",
  timeoutSeconds: 30 * 60,
  readers: { permission: "webhooks:manage", scope: "webhooks:write" },
  async run({ db }) {
    return pruneWebhookLog(db);
  },
});
