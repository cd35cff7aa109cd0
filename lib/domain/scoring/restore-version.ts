/**
 * Restore as draft: a published version becomes the draft again, to be reviewed, edited and
 * published as a new version — history is never rewritten, and nothing is rescored here.
 */
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { AppError } from "@/lib/shared/errors";
import { getVersionRecord } from "./get-version";
import type { PublishBy } from "./publish";
import { getActiveModel, saveDraft, type Draft } from "./versions";

export type RestoredDraft = Draft & { restoredFrom: number };

export async function restoreVersion({
  db,
  by,
  version,
}: {
  db: Db;
  by: PublishBy;
  version: number;
}): Promise<RestoredDraft> {
  return db.transaction(async (tx) => {
    const record = await getVersionRecord(tx, version);
    if (!record) throw new AppError("not_found", `There is no published version ${version}.`);
    // The draft's base is the version it would replace when published — the active one — so the
    // editor's preview and diff compare the restored rules with what scores leads today.
    const active = await getActiveModel(tx);
    const draft = await saveDraft(
      tx,
      record.model,
      { userId: by.userId, label: by.label },
      { baseVersion: active?.version ?? null },
    );
    await tx.insert(auditLog).values({
      actorType: by.actorType,
      actorId: by.actorId,
      action: "model.draft_restored",
      targetType: "model_version",
      targetId: String(version),
      data: { restoredFrom: version, baseVersion: draft.baseVersion, name: record.model.name },
    });
    return { ...draft, restoredFrom: version };
  });
}
