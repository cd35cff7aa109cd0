/** Reading and writing model versions and the draft. */
import { desc, eq, sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { modelDraft, modelVersions } from "@/db/schema";
import { AppError } from "@/lib/shared/errors";
import { scoringModelSchema, type ScoringModel } from "./model";

export type ActiveModel = {
  version: number;
  model: ScoringModel;
  publishedAt: Date;
  authorLabel: string;
  note: string;
};

function parseStored(document: unknown): ScoringModel {
  // Stored versions were valid when published; parse fills defaults added since.
  return scoringModelSchema.parse(document);
}

/** The live version: the highest one whose publish finished (a version being built is not live yet). */
export async function getActiveModel(db: Queryable): Promise<ActiveModel | null> {
  const [row] = await db
    .select()
    .from(modelVersions)
    .where(eq(modelVersions.state, "live"))
    .orderBy(desc(modelVersions.version))
    .limit(1);
  return row
    ? {
        version: row.version,
        model: parseStored(row.document),
        publishedAt: row.publishedAt,
        authorLabel: row.authorLabel,
        note: row.note,
      }
    : null;
}

const versionCache = new Map<number, ScoringModel>();

/** A published version (immutable, so cached). */
export async function getModelVersion(
  db: Queryable,
  version: number,
): Promise<ScoringModel | null> {
  const cached = versionCache.get(version);
  if (cached) return cached;
  const [row] = await db
    .select({ document: modelVersions.document })
    .from(modelVersions)
    .where(eq(modelVersions.version, version));
  if (!row) return null;
  const model = parseStored(row.document);
  versionCache.set(version, model);
  return model;
}

/** The published versions, newest first (a publish under way or failed is not one). */
export async function listVersions(db: Queryable) {
  return db
    .select({
      version: modelVersions.version,
      note: modelVersions.note,
      authorLabel: modelVersions.authorLabel,
      publishedAt: modelVersions.publishedAt,
      leadsRescored: modelVersions.leadsRescored,
      durationMs: modelVersions.durationMs,
      name: sql<string>`${modelVersions.document}->>'name'`,
    })
    .from(modelVersions)
    .where(eq(modelVersions.state, "live"))
    .orderBy(desc(modelVersions.version));
}

export type Draft = {
  document: unknown;
  baseVersion: number | null;
  /** Bumped by every save; 0 while no draft is saved. */
  revision: number;
  updatedAt: Date;
  updatedByLabel: string;
};

/** `lock`: hold the draft's row until the transaction ends, so a read-modify-write loses nothing. */
export async function getDraft(
  db: Queryable,
  { lock = false }: { lock?: boolean } = {},
): Promise<Draft | null> {
  const query = db.select().from(modelDraft).where(eq(modelDraft.id, 1));
  const [row] = lock ? await query.for("update") : await query;
  return row
    ? {
        document: row.document,
        baseVersion: row.baseVersion,
        revision: row.revision,
        updatedAt: row.updatedAt,
        updatedByLabel: row.updatedByLabel,
      }
    : null;
}

/** A save based on a revision someone else has since replaced. */
export class DraftConflictError extends AppError {
  constructor(current: Draft) {
    super(
      "conflict",
      `${current.updatedByLabel} changed the draft at ${current.updatedAt.toISOString()} since you opened it (it is now at revision ${current.revision}); reload it to see their change, then make yours again.`,
    );
  }
}

/**
 * Saves a valid model as the draft, under the draft row's lock. With `ifRevision` (the revision
 * the writer read; 0 for "no draft yet") the save is refused with a DraftConflictError when the
 * draft has changed since. A draft read back may still fail validation (the model may have
 * tightened since it was saved), which is why Draft.document is unknown and publish checks.
 */
export async function saveDraft(
  db: Queryable,
  document: ScoringModel,
  by: { userId: string | null; label: string },
  { baseVersion, ifRevision }: { baseVersion?: number | null; ifRevision?: number } = {},
): Promise<Draft> {
  return db.transaction(async (tx) => {
    const current = await getDraft(tx, { lock: true });
    if (ifRevision !== undefined && (current?.revision ?? 0) !== ifRevision)
      throw new DraftConflictError(current!);
    const base =
      baseVersion === undefined ? ((await getActiveModel(tx))?.version ?? null) : baseVersion;
    const values = {
      id: 1,
      document,
      baseVersion: base,
      revision: (current?.revision ?? 0) + 1,
      updatedBy: by.userId,
      updatedByLabel: by.label,
      updatedAt: new Date(),
    };
    await tx
      .insert(modelDraft)
      .values(values)
      .onConflictDoUpdate({ target: modelDraft.id, set: { ...values, id: undefined } });
    return {
      document,
      baseVersion: base,
      revision: values.revision,
      updatedAt: values.updatedAt,
      updatedByLabel: by.label,
    };
  });
}

export async function nextVersionNumber(db: Queryable): Promise<number> {
  const [row] = await queryRows<{ v: number }>(
    db,
    sql`select coalesce(max(version), 0)::int + 1 as v from ${modelVersions}`,
  );
  return row.v;
}
