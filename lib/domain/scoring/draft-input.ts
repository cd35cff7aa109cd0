import { AppError } from "@/lib/shared/errors";
import { modelIssues, scoringModelSchema, type ScoringModel } from "./model";

/** Parses a model sent by a client; 422 with the JSON path of every invalid field. */
export function parseModelOr422(document: unknown): ScoringModel {
  const parsed = scoringModelSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const issues = modelIssues(parsed.error);
  const fields: Record<string, string[]> = {};
  for (const i of issues) (fields[i.path] ??= []).push(i.message);
  throw new AppError(
    "unprocessable",
    `The model has ${issues.length} invalid field${issues.length === 1 ? "" : "s"}.`,
    fields,
  );
}
