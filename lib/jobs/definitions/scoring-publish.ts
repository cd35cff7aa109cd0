import { z } from "zod";
import { buildPublish, failPublish, publishErrorText } from "@/lib/domain/scoring/publish";
import { defineJob } from "../definition";
import { mqlSnapshotsJob } from "./mql-snapshots";
import { errorFields, log } from "@/lib/infra/log";

const ATTEMPTS = 3;

/**
 * Builds a version beside the live one and swaps it in (lib/domain/scoring/publish.ts). One at a
 * time in the cluster; a run cut off (worker killed or stopped) is retried and rebuilds; after the
 * last attempt the version is marked failed with the error, and the old one stays live. It cannot
 * be cancelled: a version left half-way would block the next publish.
 */
export const scoringPublishJob = defineJob({
  name: "scoring-publish",
  payload: z.object({
    version: z.number().int().positive(),
    by: z.object({
      actorType: z.enum(["user", "api_key"]),
      actorId: z.string(),
      label: z.string(),
      userId: z.string().nullable(),
    }),
  }),
  singleton: true,
  readers: { permission: "rules:read", scope: "model:read" },
  retry: { attempts: ATTEMPTS, delaySeconds: 2 },
  timeoutSeconds: 15 * 60,
  async run({ db, payload, progress, signal, attempt }) {
    try {
      const result = await buildPublish(db, payload.version, payload.by, {
        onProgress: progress,
        signal,
      });
      // The rules report reads past handoffs under the live model: analysed now, not next hour.
      // Best effort: the publish is done either way, and the report queues it when opened.
      // (Imported when run: the queue imports the registry, which imports this definition.)
      const { enqueueUnlessActive } = await import("../queue");
      await enqueueUnlessActive(db, mqlSnapshotsJob, {}).catch((error: unknown) =>
        log.warn("jobs.enqueue_failed", { job: mqlSnapshotsJob.name, ...errorFields(error) }),
      );
      return result;
    } catch (error) {
      if (attempt >= ATTEMPTS) await failPublish(db, payload.version, publishErrorText(error));
      throw error;
    }
  },
});
