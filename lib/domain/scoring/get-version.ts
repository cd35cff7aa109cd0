import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { modelVersions } from "@/db/schema";
import { scoringModelSchema, type ScoringModel } from "./model";

export type VersionRecord = {
  version: number;
  model: ScoringModel;
  note: string;
  authorLabel: string;
  publishedAt: Date;
  leadsRescored: number;
  durationMs: number;
};

/** One published (live) version with who published it, when, why and what the publish cost; null when unknown. */
export async function getVersionRecord(
  db: Queryable,
  version: number,
): Promise<VersionRecord | null> {
  const [row] = await db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.version, version), eq(modelVersions.state, "live")));
  if (!row) return null;
  return {
    version: row.version,
    // Stored versions were valid when published; parse fills defaults added since.
    model: scoringModelSchema.parse(row.document),
    note: row.note,
    authorLabel: row.authorLabel,
    publishedAt: row.publishedAt,
    leadsRescored: row.leadsRescored,
    durationMs: row.durationMs,
  };
}

/** `{version}` in a URL: a published version number. */
export const versionParamsSchema = z.object({
  version: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, "A version is a whole number from 1.")
    .transform(Number),
});
