/** Reading the SLA tiers, in order. */
import { asc } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { slaPolicies } from "@/db/schema";
import type { FitGradeLetter } from "@/lib/shared/vocabulary";
import type { PolicyTerms } from "./policy";

export type SlaPolicyView = PolicyTerms & { id: number; position: number };

export async function listPolicies(db: Queryable): Promise<SlaPolicyView[]> {
  const rows = await db
    .select()
    .from(slaPolicies)
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.id));
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    name: r.name,
    minFitGrade: r.minFitGrade as FitGradeLetter | null,
    minScore: r.minScore,
    firstTouchMinutes: r.firstTouchMinutes,
    minTouches: r.minTouches,
    touchWindowDays: r.touchWindowDays,
    reassignOnBreach: r.reassignOnBreach,
  }));
}
