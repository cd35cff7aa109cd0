import { z } from "zod";
import { refreshMqlSnapshots } from "@/lib/domain/outcomes/rule-hits";
import { scorePredictions } from "@/lib/domain/predict/score";
import { trainPredictiveModel } from "@/lib/domain/predict/train";
import { appNow } from "@/lib/infra/clock";
import { defineJob } from "../definition";

/**
 * Hourly and on demand: brings the handoff snapshots up to the live model, trains the predictive
 * score, and scores the open leads with it — in a worker, never on a web request.
 */
export const predictTrainJob = defineJob({
  name: "predict-train",
  payload: z.object({}),
  singleton: true,
  readers: { permission: "reports:read", scope: "reports:read" },
  cancellers: { permission: "reports:write" },
  schedule: "17 * * * *",
  retry: { attempts: 2, delaySeconds: 120 },
  timeoutSeconds: 30 * 60,
  async run({ db, progress }) {
    const now = appNow();
    await progress(0, 3, "snapshots");
    const snapshots = await refreshMqlSnapshots(db, now);
    await progress(1, 3, "training");
    const model = await trainPredictiveModel(db, { now });
    await progress(2, 3, "scoring");
    const scored = model.status === "ready" ? await scorePredictions(db, now) : null;
    await progress(3, 3, "done");
    return {
      modelId: model.id,
      status: model.status,
      auc: model.auc,
      snapshots: snapshots.computed,
      scored: scored?.scored ?? 0,
    };
  },
});
