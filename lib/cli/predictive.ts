/** The predictive score on demand, with the threshold assistant's answer (the server runs both hourly). */
import { parseArgs } from "node:util";
import { scorePredictions } from "@/lib/domain/predict/score";
import { trainPredictiveModel } from "@/lib/domain/predict/train";
import { thresholdRecommendation } from "@/lib/domain/thresholds/backtest";
import { OUTCOME_TARGETS, type OutcomeTarget } from "@/lib/shared/vocabulary";
import { CliError, oneLine, type Command } from "./command";

type TrainInput = { target?: OutcomeTarget; rate?: number; capacity?: number };

export const predictiveCommands: Record<string, Command<TrainInput>> = {
  "predictive:train": {
    summary:
      "Train the predictive score now, score the open leads, and print the threshold assistant's recommendation",
    usage: `predictive:train [--target ${OUTCOME_TARGETS.join("|")}] [--rate 0.3] [--capacity N]`,
    parse(args) {
      const { values } = parseArgs({
        args,
        options: {
          target: { type: "string" },
          rate: { type: "string" },
          capacity: { type: "string" },
        },
        strict: true,
      });
      const problems: string[] = [];
      const targets: readonly string[] = OUTCOME_TARGETS;
      if (values.target !== undefined && !targets.includes(values.target))
        problems.push(`--target must be one of ${OUTCOME_TARGETS.join(", ")}`);
      const rate = values.rate === undefined ? undefined : Number(values.rate);
      if (rate !== undefined && !(rate > 0 && rate <= 1))
        problems.push("--rate is a share between 0 and 1, e.g. 0.3");
      const capacity = values.capacity === undefined ? undefined : Number(values.capacity);
      if (capacity !== undefined && !(capacity > 0))
        problems.push("--capacity is a number of MQLs per week above 0");
      if (problems.length) throw new CliError(oneLine(problems));
      return { target: values.target as OutcomeTarget | undefined, rate, capacity };
    },
    async run({ target, rate, capacity }, db) {
      const now = new Date();
      const model = await trainPredictiveModel(db, { now, target });
      console.log(
        `Predictive model ${model.id} (${model.status}), target ${model.target}: ${model.decided} decided handoffs, ${model.positives} converted${model.since ? `, handoffs since ${model.since.slice(0, 10)}` : ""}.`,
      );
      if (model.status === "ready") {
        console.log(
          `Cross-validated AUC ${model.auc?.toFixed(3)} (folds ${model.foldAucs.map((a) => a.toFixed(3)).join(", ")}).`,
        );
        const top = [...model.coefficients]
          .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
          .slice(0, 8);
        console.log(
          `Largest weights: ${top.map((c) => `${c.label} ${c.weight >= 0 ? "+" : ""}${c.weight.toFixed(2)}`).join("; ")}.`,
        );
        console.log(
          `Suggestions: ${model.suggestions.rules.length} rule point changes, ${model.suggestions.newRules.length} new rules (${model.suggestions.newRules.map((r) => `${r.rule.label} ${r.rule.points}`).join("; ")}).`,
        );
        const scored = await scorePredictions(db, now);
        console.log(`Scored ${JSON.stringify(scored)}.`);
      }
      const rec = await thresholdRecommendation(db, { now, target, rate, capacity });
      const point = (p: typeof rec.recommended) =>
        p
          ? `threshold ${p.threshold}: ${p.mqlsPerWeek.toFixed(1)} MQLs/week, rate ${p.rate === null ? "—" : (p.rate * 100).toFixed(1) + "%"} on ${p.decided} decided`
          : "none";
      console.log(
        `Threshold assistant (${rec.weeks} weeks to ${rec.windowEnd?.slice(0, 10)}, target ${(rec.targetRate * 100).toFixed(0)}% ${rec.target}, capacity ${rec.capacityPerWeek}/week, judging the ${rec.model === "live" ? `live model v${rec.version}` : "draft"}, ${rec.unrecorded} handoffs without recorded attributes): ${rec.reason}; current ${point(rec.current)}; recommended ${point(rec.recommended)}.`,
      );
    },
  },
};
