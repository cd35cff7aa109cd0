/**
 * Periodic work run inside the web server (no external scheduler needed on the embedded default):
 * - decay refresh: every hour, rescore all leads when the active model ages scores
 *   (lib/domain/scoring/refresh.ts skips itself when nothing would change).
 * - SLA breach sweep: every minute (lib/domain/sla/sweep.ts), with the app clock (lib/infra/clock.ts).
 * - predictive score: every hour and a minute after start, bring handoff snapshots up to the active
 *   model, retrain (lib/domain/predict/train.ts) and rescore open leads (lib/domain/predict/score.ts).
 * State lives in the database, so a restart loses nothing; with several app servers each runs the
 * job and the scoring lock makes the extra runs cheap no-ops.
 */
import { getDb } from "@/db/client";
import { appNow } from "@/lib/infra/clock";
import { refreshMqlSnapshots } from "@/lib/domain/outcomes/rule-hits";
import { scorePredictions } from "@/lib/domain/predict/score";
import { trainPredictiveModel } from "@/lib/domain/predict/train";
import { REFRESH_INTERVAL_MS, refreshScores } from "@/lib/domain/scoring/refresh";
import { sweepBreaches } from "@/lib/domain/sla/sweep";

const SWEEP_INTERVAL_MS = 60_000;
const PREDICT_INTERVAL_MS = 3_600_000;

declare global {
  // On globalThis so a dev reload does not start a second set of timers.
  var accordJobs: NodeJS.Timeout[] | undefined;
}

async function runRefresh() {
  try {
    const result = await refreshScores(await getDb());
    if ("scored" in result)
      console.log(
        `[accord] decay refresh: ${result.scored} leads rescored under v${result.version} in ${result.ms} ms`,
      );
  } catch (error) {
    console.error("[accord] decay refresh failed", error);
  }
}

async function runSweep() {
  try {
    const result = await sweepBreaches(await getDb(), appNow());
    if (result.breaches.length)
      console.log(
        `[accord] SLA sweep: ${result.breaches.length} breaches, ${result.notified} notifications, ${result.reassigned} reassigned`,
      );
  } catch (error) {
    console.error("[accord] SLA sweep failed", error);
  }
}

async function runPredict() {
  try {
    const db = await getDb();
    const now = appNow();
    const snapshots = await refreshMqlSnapshots(db, now);
    const model = await trainPredictiveModel(db, { now });
    const scored = model.status === "ready" ? await scorePredictions(db, now) : null;
    console.log(
      `[accord] predictive score: ${snapshots.computed} snapshots in ${snapshots.ms} ms; model ${model.id} ${model.status} on ${model.decided} handoffs (${model.positives} converted)` +
        (model.auc !== null ? `, AUC ${model.auc.toFixed(3)}` : "") +
        (scored ? `; ${scored.scored} leads scored in ${scored.ms} ms` : ""),
    );
  } catch (error) {
    console.error("[accord] predictive score failed", error);
  }
}

export function startJobs(): void {
  if (globalThis.accordJobs) return;
  const first = setTimeout(runRefresh, 30_000);
  const hourly = setInterval(runRefresh, REFRESH_INTERVAL_MS);
  const sweep = setInterval(runSweep, SWEEP_INTERVAL_MS);
  const firstPredict = setTimeout(runPredict, 60_000);
  const predict = setInterval(runPredict, PREDICT_INTERVAL_MS);
  for (const timer of [first, hourly, sweep, firstPredict, predict]) timer.unref();
  globalThis.accordJobs = [first, hourly, sweep, firstPredict, predict];
}
