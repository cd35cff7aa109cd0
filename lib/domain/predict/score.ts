/**
 * The predictive score of every open lead (not disqualified, not a customer) under the latest
 * ready model, in batches keyed by lead id: features as of now (rule hits counted up to now with
 * the rules of the scoring version the model was trained on), the probability, and the three
 * largest contributions in log-odds, weight × (x − training mean), so a factor reads "compared
 * with the average handoff". Stored in lead_predictions; rows of other models are removed.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { predictiveModels, type PredictiveModel } from "@/db/schema/predict";
import { arrayParam } from "@/db/sql-array";
import { ruleHitsSql } from "@/lib/domain/outcomes/rule-hits";
import { getModelVersion } from "@/lib/domain/scoring/versions";
import { encoder, eventRulesOnly, loadLeadFeatures } from "./features";
import { sigmoid, type SparseRow } from "./logistic";
import type { LeadPredictionView, PredictionFactor } from "./types";

const BATCH = 5_000;
const TOP_FACTORS = 3;

export function explain(
  row: SparseRow,
  weights: number[],
  means: number[],
  intercept: number,
  labels: { name: string; label: string }[],
): { probability: number; factors: PredictionFactor[] } {
  const x = new Float64Array(weights.length);
  row.index.forEach((j, k) => (x[j] = row.value[k]));
  let z = intercept;
  const factors: PredictionFactor[] = [];
  weights.forEach((w, j) => {
    z += w * x[j];
    const contribution = w * (x[j] - means[j]);
    if (contribution !== 0)
      factors.push({ feature: labels[j].name, label: labels[j].label, contribution });
  });
  factors.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return { probability: sigmoid(z), factors: factors.slice(0, TOP_FACTORS) };
}

export async function latestReadyModel(db: Queryable): Promise<PredictiveModel | null> {
  const [row] = await db
    .select()
    .from(predictiveModels)
    .where(sql`${predictiveModels.status} = 'ready'`)
    .orderBy(sql`${predictiveModels.id} desc`)
    .limit(1);
  return row ?? null;
}

export type ScoreResult = { modelId: number | null; scored: number; ms: number };

export async function scorePredictions(db: Queryable, now = new Date()): Promise<ScoreResult> {
  const started = performance.now();
  const model = await latestReadyModel(db);
  const detail = model?.detail;
  // A model trained before attributes at the handoff (spec version 1) is not encoded any more: retrain.
  if (!model || detail?.spec?.version !== 2 || !detail.coefficients || !detail.means)
    return { modelId: null, scored: 0, ms: 0 };
  const { spec, means } = detail;
  const weights = detail.coefficients.map((c) => c.weight);
  const intercept = detail.intercept ?? 0;
  const rules =
    model.scoringVersion !== null ? await getModelVersion(db, model.scoringVersion) : null;
  const encode = encoder(spec);
  const at = sql`${now.toISOString()}::timestamptz`;
  let scored = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await queryRows<{ id: string }>(
      db,
      sql`select id from leads where lifecycle_stage not in ('disqualified', 'customer') and id > ${after}::uuid order by id limit ${BATCH}::int`,
    );
    if (!batch.length) break;
    after = batch[batch.length - 1].id;
    const ids = arrayParam(
      batch.map((b) => b.id),
      "uuid",
    );
    const hits = rules
      ? ruleHitsSql(
          eventRulesOnly(rules),
          sql`select id, id as lead_id, ${at} as at from leads where id = any(${ids})`,
        )
      : null;
    const leads = await loadLeadFeatures(db, spec, rules, ids, hits, now);
    const records = leads.ids.map((leadId, i) => {
      const { probability, factors } = explain(
        encode(leads.raw[i]),
        weights,
        means,
        intercept,
        spec.features,
      );
      return { lead_id: leadId, probability, factors };
    });
    await db.execute(sql`
      insert into lead_predictions (lead_id, model_id, probability, factors, computed_at)
      select x.lead_id, ${model.id}::int, x.probability, x.factors, ${at}
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(lead_id uuid, probability double precision, factors jsonb)
      on conflict (lead_id) do update set model_id = excluded.model_id, probability = excluded.probability, factors = excluded.factors, computed_at = excluded.computed_at`);
    scored += records.length;
  }
  // Leads closed since (customers, disqualified) keep no stale prediction.
  await db.execute(
    sql`delete from lead_predictions p where p.model_id <> ${model.id}::int
        or exists (select 1 from leads l where l.id = p.lead_id and l.lifecycle_stage in ('disqualified', 'customer'))`,
  );
  return { modelId: model.id, scored, ms: Math.round(performance.now() - started) };
}

export async function getLeadPrediction(
  db: Queryable,
  leadId: string,
): Promise<LeadPredictionView | null> {
  const [row] = await queryRows<{
    probability: number;
    model_id: number;
    computed_at: Date | string;
    factors: PredictionFactor[];
  }>(
    db,
    sql`select probability, model_id, computed_at, factors from lead_predictions where lead_id = ${leadId}::uuid`,
  );
  if (!row) return null;
  return {
    probability: Number(row.probability),
    modelId: Number(row.model_id),
    computedAt: new Date(row.computed_at).toISOString(),
    factors: (row.factors ?? []).map((f) => ({
      feature: f.feature,
      label: f.label ?? f.feature,
      contribution: Number(f.contribution),
    })),
  };
}
