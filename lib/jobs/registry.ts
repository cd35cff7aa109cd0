/** Every job the workers know, by name. A job added here is queued, retried and scheduled by both drivers. */
import type { AnyJobDefinition } from "./definition";
import { importRunJob } from "./definitions/import-run";
import { jobsPruneJob } from "./definitions/jobs-prune";
import { mqlSnapshotsJob } from "./definitions/mql-snapshots";
import { predictTrainJob } from "./definitions/predict-train";
import { privacyRetentionJob } from "./definitions/privacy-retention";
import { scoringPublishJob } from "./definitions/scoring-publish";
import { scoringRefreshJob } from "./definitions/scoring-refresh";
import { slaSweepJob } from "./definitions/sla-sweep";
import { webhooksDeliverJob } from "./definitions/webhooks-deliver";
import { webhooksPruneJob } from "./definitions/webhooks-prune";

export const JOBS: readonly AnyJobDefinition[] = [
  slaSweepJob,
  scoringRefreshJob,
  scoringPublishJob,
  predictTrainJob,
  webhooksDeliverJob,
  webhooksPruneJob,
  jobsPruneJob,
  mqlSnapshotsJob,
  importRunJob,
  privacyRetentionJob,
];
