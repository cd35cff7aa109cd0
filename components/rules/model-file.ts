import { scoringModelSchema, type ScoringModel } from "@/lib/domain/scoring/model";

/** Downloads a model document as JSON (the public contract). */
export function downloadModel(model: ScoringModel) {
  const blob = new Blob([JSON.stringify(model, null, 2) + "\n"], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `accord-model-${
    model.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "draft"
  }.json`;
  a.click();
  URL.revokeObjectURL(url);
}

export type ImportResult =
  { ok: true; model: ScoringModel } | { ok: false; problems: string[] | null };

/** Reads and validates a model file: a list of JSON paths with what is wrong, or the model. */
export async function readModelFile(file: File): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { ok: false, problems: null };
  }
  const parsed = scoringModelSchema.safeParse(json);
  if (parsed.success) return { ok: true, model: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (i) => `$${i.path.length ? "." + i.path.join(".") : ""}: ${i.message}`,
    ),
  };
}
