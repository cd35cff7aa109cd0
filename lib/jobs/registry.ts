/** Every job the workers know, by name. A job added here is queued, retried and scheduled by both drivers. */
import type { AnyJobDefinition } from "./definition";
import { importRunJob } from "./definitions/import-run";
import { predictTrainJob } from "./definitions/predict-train";
import { scoringRefreshJob } from "./definitions/scoring-refresh";
import { slaSweepJob } from "./definitions/sla-sweep";
import { webhooksDeliverJob } from "./definitions/webhooks-deliver";
import { webhooksPruneJob } from "./definitions/webhooks-prune";

export const JOBS: readonly AnyJobDefinition[] = [
  slaSweepJob,
  scoringRefreshJob,
  predictTrainJob,
  webhooksDeliverJob,
  webhooksPruneJob,
  importRunJob,
];
