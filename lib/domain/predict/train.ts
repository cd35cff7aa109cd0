/**
 * Training the predictive score on past handoffs, as a job: every decided handoff with its
 * attributes as they were at the handoff (features.ts), the leakage guard (leakage.ts) leaving out
 * flagged attributes unless a manager included them, then a cross-validated L2 logistic
 * regression for an honest AUC and calibration (held-out predictions only), and one fit on
 * everything for scoring and for the suggestions. Below the minimum sample a row with status
 * "insufficient" is stored instead, so the UI can say how far off it is.
 *
 * λ is chosen by cross-validation from a small grid (held-out log-loss, warm-started from the
 * largest λ down), nested: inside each outer fold on its training part only, so the reported AUC
 * never saw its test fold; the final λ the same way on all handoffs. Indicators (levels, bins) are
 * penalised on their own 0/1 scale, counts standardised (logistic.ts).
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
import { crossValidate, stratifiedFolds } from "./cv";
import {
  analyseAttributes,
  buildSpec,
  encoder,
  fieldLabel,
  loadTrainingSet,
  type FeatureSpec,
} from "./features";
import { leakageGuard, MODEL_AUC_LIMIT } from "./leakage";
import { onlyLiveNames } from "./live-names";
import { columnMoments, fitLogistic, predict, type LogisticFit, type SparseRow } from "./logistic";
import { getIncludedAttributes, outcomeSettings } from "./settings";
import { featureStats, suggestChanges } from "./suggest";
import { summaryOf, type PredictiveDetail } from "./summary";
import type { PredictiveSummary } from "./types";

export const MINIMUM = { decided: 200, positives: 40 };
/** The λ grid, largest first (a warm-started path). */
export const LAMBDAS = [10, 3, 1, 0.3];
export const FOLDS = 5;
const INNER_FOLDS = 3;
const SEED = 20_240_607;

export type Fitter = {
  rows: SparseRow[];
  labels: number[];
  p: number;
  standardize: boolean[];
};

const logLoss = (p: number, y: number) => -Math.log(Math.max(y ? p : 1 - p, 1e-12));

/**
 * λ by inner cross-validation on `idx` only: the grid value with the lowest held-out log-loss, and
 * its fit on the inner training part (a warm start, weights and Hessian, for the fit on `idx`).
 * `warm`: the first fit of a previous path on rows like these (another fold), to start the path
 * from; `first` is this path's, for the next one.
 */
export function chooseLambda(
  f: Fitter,
  idx: number[],
  seed = SEED,
  warm?: LogisticFit,
): { lambda: number; start: LogisticFit | undefined; first: LogisticFit | undefined } {
  const folds = stratifiedFolds(
    idx.map((i) => f.labels[i]),
    INNER_FOLDS,
    seed,
  );
  const loss = new Array<number>(LAMBDAS.length).fill(0);
  const fits: LogisticFit[][] = LAMBDAS.map(() => []);
  // Above 5,000 handoffs one inner split (a third held out) is enough to rank a few λ, and
  // keeps training on 25,000 handoffs with 50 attributes within seconds.
  const splits = idx.length > 5_000 ? 1 : INNER_FOLDS;
  for (let k = 0; k < splits; k++) {
    const train = idx.filter((_, n) => folds[n] !== k);
    const test = idx.filter((_, n) => folds[n] === k);
    let start = warm;
    LAMBDAS.forEach((lambda, g) => {
      start = fitOn(f, train, lambda, start, 1e-6);
      fits[g].push(start);
      for (const i of test) loss[g] += logLoss(predict(start, f.rows[i]), f.labels[i]);
    });
  }
  const best = loss.indexOf(Math.min(...loss));
  return { lambda: LAMBDAS[best], start: fits[best][0], first: fits[0][0] };
}

export function fitOn(
  f: Fitter,
  idx: number[],
  lambda: number,
  start?: LogisticFit,
  tolerance = 1e-8,
  stdErrors = false,
): LogisticFit {
  return fitLogistic(
    idx.map((i) => f.rows[i]),
    idx.map((i) => f.labels[i]),
    f.p,
    { lambda, standardize: f.standardize, start, tolerance, stdErrors },
  );
}

/**
 * Nested cross-validation: held-out predictions and fold AUCs, each fold's λ chosen on its
 * training part. Fits start from a related fit (the previous fold's path, the inner fit at the
 * chosen λ): the same solution to the tolerance, in fewer Hessians.
 */
export function crossValidatedFit(f: Fitter, seed = SEED) {
  const lambdas: number[] = [];
  let warm: LogisticFit | undefined;
  const cv = crossValidate(
    f.labels,
    (train, test) => {
      const { lambda, start, first } = chooseLambda(f, train, seed, warm);
      warm = first;
      lambdas.push(lambda);
      const fit = fitOn(f, train, lambda, start);
      return test.map((i) => predict(fit, f.rows[i]));
    },
    FOLDS,
    seed,
  );
  const all = f.labels.map((_, i) => i);
  const { lambda, start } = chooseLambda(f, all, seed, warm);
  return { cv, lambdas, lambda, fit: fitOn(f, all, lambda, start, 1e-8, true) };
}

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
  const include = await getIncludedAttributes(db);
  const set = since
    ? await loadTrainingSet(db, {
        target,
        windowDays: settings.windowDays,
        now: input.now,
        model: active?.model ?? null,
        include,
      })
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

  const labelOf = (field: string) => fieldLabel(field, set.labelsByField);
  const analysed = analyseAttributes(set.kinds, set.raw, set.labelsByField);
  const guard = leakageGuard({
    attributes: analysed.attributes,
    labelsByField: labelOf,
    raw: set.raw,
    labels,
    folds: stratifiedFolds(labels, FOLDS, SEED),
    late: set.late,
    include: new Set(include),
  });
  const leftOut = new Set(guard.flagged.filter((f) => !f.included).map((f) => f.field));
  // An attribute flagged as set after the handoff is mostly absent from the handoffs' record, so
  // usually dropped as (near-)constant too: listed once, as flagged.
  const flaggedFields = new Set(guard.flagged.map((f) => f.field));
  const dropped = analysed.dropped.filter((d) => !flaggedFields.has(d.field));
  const spec: FeatureSpec = buildSpec(
    analysed.attributes.filter((a) => !leftOut.has(a.field)),
    active?.model ?? null,
    leftOut,
  );
  const encode = encoder(spec);
  const rows = set.raw.map(encode);
  const p = spec.features.length;
  const { cv, lambdas, lambda, fit } = crossValidatedFit({
    rows,
    labels,
    p,
    standardize: spec.features.map((f) => !f.binary),
  });
  const stats = featureStats(rows, labels, p);
  const { mean } = columnMoments(rows, p);
  const suggestions = suggestChanges({
    model: active?.model ?? null,
    spec,
    weights: fit.weights,
    stdErrors: fit.stdErrors,
    stats,
    flagged: new Set(guard.flagged.map((f) => f.field)),
  });
  const meanAuc = cv.foldAucs.length
    ? cv.foldAucs.reduce((a, b) => a + b, 0) / cv.foldAucs.length
    : null;
  const detail: PredictiveDetail = {
    minimum: MINIMUM,
    windowDays: settings.windowDays,
    lambda,
    foldLambdas: lambdas,
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
    attributes: spec.attributes.map((a) => ({ field: a.field, label: a.label, kind: a.kind })),
    dropped,
    flagged: guard.flagged,
    ownAucs: guard.ownAucs,
    tooGood: meanAuc !== null && meanAuc >= MODEL_AUC_LIMIT,
    suggestions: { rules: suggestions.rules, newRules: suggestions.newRules },
    pointsPerLogOdds: suggestions.pointsPerLogOdds,
    candidates: suggestions.candidates,
    ms: Math.round(performance.now() - started),
  };
  const [row] = await db
    .insert(predictiveModels)
    .values({ ...base, status: "ready", auc: meanAuc, detail })
    .returning();
  return summaryOf(row);
}

/**
 * The latest training run, ready or not; null before the first. Its weights and suggestions name
 * only rules of the live model (a rule removed by a publish since is not shown).
 */
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
  if (!model) return null;
  return onlyLiveNames(summaryOf(model), (await getActiveModel(db))?.model ?? null);
}
