import { z } from "zod";
import { refreshScores } from "@/lib/domain/scoring/refresh";
import { defineJob } from "../definition";

/** Hourly, once per cluster: ages the scores of a model with decay or windows. */
export const scoringRefreshJob = defineJob({
  name: "scoring-refresh",
  payload: z.object({ force: z.boolean().optional() }),
  singleton: true,
  readers: { permission: "rules:read", scope: "model:read" },
  schedule: "7 * * * *",
  retry: { attempts: 3, delaySeconds: 60 },
  timeoutSeconds: 30 * 60,
  async run({ db, payload, progress }) {
    const result = await refreshScores(db, { force: payload.force, onProgress: progress });
    return result;
  },
});
