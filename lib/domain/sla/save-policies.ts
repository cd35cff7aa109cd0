/**
 * Replacing the SLA tiers (admins and managers): the list is saved in the order given; tiers sent
 * with an id are updated, new ones created, missing ones removed. Running clocks keep the terms
 * they started with (copied on the clock); new assignments use the new tiers.
 */
import { eq, inArray, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, slaPolicies } from "@/db/schema";
import type { Actor } from "@/lib/auth/principal";
import { AppError } from "@/lib/shared/errors";
import { assertCan, parseInput } from "@/lib/auth/guard";
import { listPolicies, type SlaPolicyView } from "./policies";
import { policiesInputSchema } from "./schemas";

export async function savePolicies({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Db;
  actor: Pick<Actor, "id" | "role">;
  input: unknown;
  now?: Date;
}): Promise<SlaPolicyView[]> {
  assertCan(actor, "settings:sales");
  const { policies } = parseInput(policiesInputSchema, input);
  return db.transaction(async (tx) => {
    const ids = policies.flatMap((p) => (p.id ? [p.id] : []));
    if (ids.length) {
      const known = await tx
        .select({ id: slaPolicies.id })
        .from(slaPolicies)
        .where(inArray(slaPolicies.id, ids))
        .for("update");
      const missing = ids.filter((id) => !known.some((k) => k.id === id));
      if (missing.length)
        throw new AppError("unprocessable", "Some tiers no longer exist; reload and try again.", {
          policies: [`Unknown tier id ${missing.join(", ")}.`],
        });
    }
    await (ids.length
      ? tx.delete(slaPolicies).where(notInArray(slaPolicies.id, ids))
      : tx.delete(slaPolicies));
    for (const [position, p] of policies.entries()) {
      const values = {
        position,
        name: p.name,
        minFitGrade: p.minFitGrade,
        minScore: p.minScore,
        firstTouchMinutes: p.firstTouchMinutes,
        minTouches: p.minTouches,
        touchWindowDays: p.touchWindowDays,
        reassignOnBreach: p.reassignOnBreach,
        updatedAt: now,
      };
      if (p.id) await tx.update(slaPolicies).set(values).where(eq(slaPolicies.id, p.id));
      else await tx.insert(slaPolicies).values(values);
    }
    const saved = await listPolicies(tx);
    await tx.insert(auditLog).values({
      at: now,
      actorType: "user",
      actorId: actor.id,
      action: "sla.policies.saved",
      targetType: "sla_policies",
      data: { policies: saved },
    });
    return saved;
  });
}
