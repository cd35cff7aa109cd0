/** The agreed reject and disqualify lists, in order. */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { reasons, type Reason } from "@/db/schema";
import type { ReasonKind } from "@/lib/shared/vocabulary";

export type ReasonView = {
  id: number;
  kind: ReasonKind;
  code: string;
  labels: { en: string; fr: string };
  position: number;
  archived: boolean;
  archivedAt: string | null;
};

export function reasonView(r: Reason): ReasonView {
  return {
    id: r.id,
    kind: r.kind,
    code: r.code,
    labels: { en: r.labelEn, fr: r.labelFr },
    position: r.position,
    archived: r.archivedAt !== null,
    archivedAt: r.archivedAt?.toISOString() ?? null,
  };
}

export async function listReasons(
  db: Queryable,
  options: { kind?: ReasonKind; includeArchived?: boolean } = {},
): Promise<ReasonView[]> {
  const rows = await db
    .select()
    .from(reasons)
    .where(
      and(
        options.kind ? eq(reasons.kind, options.kind) : undefined,
        options.includeArchived ? undefined : isNull(reasons.archivedAt),
      ),
    )
    .orderBy(asc(reasons.kind), asc(reasons.position), asc(reasons.id));
  return rows.map(reasonView);
}

export async function activeReason(
  db: Queryable,
  kind: ReasonKind,
  code: string,
): Promise<Reason | null> {
  const [row] = await db
    .select()
    .from(reasons)
    .where(and(eq(reasons.kind, kind), eq(reasons.code, code), isNull(reasons.archivedAt)));
  return row ?? null;
}
