/**
 * Publish: validate the draft, store it as a new immutable version and rescore every lead
 * against it, all in one transaction — readers see the old scores or the new, never a mix.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, modelDraft, modelVersions } from "@/db/schema";
import { AppError } from "@/lib/shared/errors";
import { lockScoringExclusive, tuneForScoring } from "./locks";
import { modelIssues, scoringModelSchema } from "./model";
import { scoreAndHandOff } from "@/lib/domain/lifecycle/score-and-hand-off";
import { getDraft, nextVersionNumber } from "./versions";

export type PublishBy = {
  actorType: "user" | "api_key";
  actorId: string;
  label: string;
  userId: string | null;
};
export type PublishResult = {
  version: number;
  leadsRescored: number;
  handedOver: number;
  ms: number;
};

export class InvalidModelError extends AppError {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(
      "unprocessable",
      "The model is not valid.",
      Object.fromEntries(issues.map((i) => [i.path, [i.message]])),
    );
  }
}

export async function publishDraft(
  db: Db,
  by: PublishBy,
  note = "",
  now = () => new Date(),
): Promise<PublishResult> {
  const started = performance.now();
  return db.transaction(async (tx) => {
    await lockScoringExclusive(tx);
    await tuneForScoring(tx);
    const draft = await getDraft(tx);
    if (!draft) throw new AppError("not_found", "There is no draft to publish; save one first.");
    const parsed = scoringModelSchema.safeParse(draft.document);
    if (!parsed.success) throw new InvalidModelError(modelIssues(parsed.error));
    const version = await nextVersionNumber(tx);
    await tx.insert(modelVersions).values({
      version,
      document: parsed.data,
      note: note.trim(),
      authorId: by.userId,
      authorLabel: by.label,
    });
    const { scored, handedOver } = await scoreAndHandOff(tx, {
      model: parsed.data,
      version,
      asOf: now(),
      cause: "publish",
    });
    const ms = Math.round(performance.now() - started);
    await tx
      .update(modelVersions)
      .set({ leadsRescored: scored, durationMs: ms })
      .where(eq(modelVersions.version, version));
    await tx.update(modelDraft).set({ baseVersion: version }).where(eq(modelDraft.id, 1));
    await tx.insert(auditLog).values({
      actorType: by.actorType,
      actorId: by.actorId,
      action: "model.published",
      targetType: "model_version",
      targetId: String(version),
      data: { note, leadsRescored: scored, handedOver, ms },
    });
    return { version, leadsRescored: scored, handedOver, ms };
  });
}
