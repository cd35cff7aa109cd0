/**
 * Training the predictive score on past handoffs: cross-validated for an honest AUC and
 * calibration (held-out predictions only), then fitted once on everything for scoring and for the
 * rule suggestions. Below the minimum sample a row with status "insufficient" is stored instead,
 * so the UI can say how far off it is.
 *
 * λ = 1 on standardised features (logistic.ts): a Gaussian prior of sd 1 per standardised unit.
 * With hundreds of handoffs it barely moves well-supported effects, and it keeps rare levels,
 * collinear one-hot columns and separable data finite.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { predictiveModels } from "@/db/schema/predict";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import { outcomesRecordedSince } from "@/lib/domain/outcomes/mql-outcomes";
import { refreshMqlSnapshots } from "@/lib/domain/outcomes/rule-hits";
import { getActiveModel } from "@/lib/domain/scoring/versions";
import { auc } from "./auc";
import { brierScore, calibrationBins } from "./calibration";
import { crossValidate } from "./cv";
import { buildSpec, encoder, loadTrainingSet } from "./features";
import { columnMoments, fitLogistic, predict } from "./logistic";
import { outcomeSettings } from "./settings";
import { featureStats, suggestChanges } from "./suggest";
import { summaryOf, type PredictiveDetail } from "./summary";
import type { PredictiveSummary } from "./types";

export const MINIMUM = { decided: 200, positives: 40 };
export const LAMBDA = 1;
export const FOLDS = 5;
const SEED = 20_240_607;

export async function trainPredictiveModel(
  db: Queryable,
  input: { now: Date; target?: OutcomeTarget },
): Promise<PredictiveSummary> {
  const started = performance.now();
  const settings = await outcomeSettings(db);
  const target = input.target ?? settings.target;
  await refreshMqlSnapshots(db, input.now);
  const active = await getActiveModel(db);
  // Kept to say when outcomes start being recorded; every decided handoff is learnt from, those
  // before it too (imported history: a handoff closed without reaching the target is a negative).
  const since = await outcomesRecordedSince(db, target);
  const set = since
    ? await loadTrainingSet(db, { target, windowDays: settings.windowDays, now: input.now })
    : null;
  const labels = set?.labels ?? [];
  const positives = labels.reduce((a, b) => a + b, 0);
  const base = {
    trainedAt: input.now,
    target,
    scoringVersion: active?.version ?? null,
    since,
    decided: labels.length,
    positives,
  };

  if (!set || labels.length < MINIMUM.decided || positives < MINIMUM.positives) {
    const detail: PredictiveDetail = {
      minimum: MINIMUM,
      windowDays: settings.windowDays,
      ms: Math.round(performance.now() - started),
    };
    const [row] = await db
      .insert(predictiveModels)
      .values({ ...base, status: "insufficient", auc: null, detail })
      .returning();
    return summaryOf(row);
  }

  const spec = buildSpec(set.fields, set.raw, active?.model ?? null);
  const encode = encoder(spec);
  const rows = set.raw.map(encode);
  const p = spec.features.length;
  const cv = crossValidate(
    labels,
    (train, test) => {
      const fit = fitLogistic(
        train.map((i) => rows[i]),
        train.map((i) => labels[i]),
        p,
        { lambda: LAMBDA },
      );
      return test.map((i) => predict(fit, rows[i]));
    },
    FOLDS,
    SEED,
  );
  const fit = fitLogistic(rows, labels, p, { lambda: LAMBDA });
  const stats = featureStats(rows, labels, p);
  const { mean } = columnMoments(rows, p);
  const suggestions = suggestChanges({
    model: active?.model ?? null,
    spec,
    weights: fit.weights,
    stdErrors: fit.stdErrors,
    stats,
  });
  const meanAuc = cv.foldAucs.length
    ? cv.foldAucs.reduce((a, b) => a + b, 0) / cv.foldAucs.length
    : null;
  const detail: PredictiveDetail = {
    minimum: MINIMUM,
    windowDays: settings.windowDays,
    lambda: LAMBDA,
    foldAucs: cv.foldAucs,
    heldOutAuc: auc(cv.heldOut, labels),
    calibration: calibrationBins(cv.heldOut, labels),
    brier: brierScore(cv.heldOut, labels),
    intercept: fit.intercept,
    converged: fit.converged,
    iterations: fit.iterations,
    coefficients: spec.features.map((f, j) => ({
      feature: f.name,
      label: f.label,
      weight: fit.weights[j],
      stdError: fit.stdErrors[j],
      support: stats.support[j],
    })),
    means: mean,
    spec,
    suggestions: { rules: suggestions.rules, newRules: suggestions.newRules },
    pointsPerLogOdds: suggestions.pointsPerLogOdds,
    ms: Math.round(performance.now() - started),
  };
  const [row] = await db
    .insert(predictiveModels)
    .values({ ...base, status: "ready", auc: meanAuc, detail })
    .returning();
  return summaryOf(row);
}

/** The latest training run, ready or not; null before the first. */
export async function getPredictiveSummary(db: Queryable): Promise<PredictiveSummary | null> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select id from predictive_models order by id desc limit 1`,
  );
  if (!row) return null;
  const [model] = await db
    .select()
    .from(predictiveModels)
    .where(sql`${predictiveModels.id} = ${row.id}`);
  return model ? summaryOf(model) : null;
}
