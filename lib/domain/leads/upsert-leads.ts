/**
 * Creates or updates leads by email (or external id), one validated item at a time: a bad item is
 * reported by index and the others are saved. Only the fields sent change; traits are merged.
 * Fit may change, so the touched leads are rescored in the same transaction. Clients racing to
 * create the same lead all succeed: the losers' transactions are retried and update the winner's.
 * A lead named by an email or external id on the suppression list (an erased person) is skipped
 * and counted as suppressed: it is neither recreated nor updated.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { leads } from "@/db/schema";
import { withTxRetry } from "@/lib/domain/ingest/retry";
import { fieldErrors, type FieldErrors } from "@/lib/shared/errors";
import { storable } from "@/lib/shared/storable-text";
import { lockScoringShared } from "@/lib/domain/scoring/locks";
import { scoreAndHandOff } from "@/lib/domain/lifecycle/score-and-hand-off";
import { getActiveModel } from "@/lib/domain/scoring/versions";
import { findSuppressed, isSuppressed } from "@/lib/domain/privacy/suppression";
import { leadInputSchema, type LeadInput } from "./lead-input";

/** A client clock a little ahead of ours is not "the future". */
const CLOCK_SKEW_MS = 60_000;

const leadItemSchema = storable(leadInputSchema);

export type UpsertResult = {
  leads: { index: number; id: string; created: boolean }[];
  /** Items about an erased person, skipped. */
  suppressed: number;
  errors: { index: number; code: "invalid"; message: string; fields?: FieldErrors }[];
};

export async function upsertLeads(
  db: Db,
  raw: unknown[],
  options: { source?: string; now?: Date } = {},
): Promise<UpsertResult> {
  const now = options.now ?? new Date();
  const errors: UpsertResult["errors"] = [];
  const valid: { index: number; input: LeadInput }[] = [];
  raw.forEach((item, index) => {
    const parsed = leadItemSchema.safeParse(item);
    const future = parsed.success
      ? (["createdAt", "consentAt"] as const).find(
          (k) => (parsed.data[k]?.getTime() ?? 0) > now.getTime() + CLOCK_SKEW_MS,
        )
      : undefined;
    if (future)
      errors.push({
        index,
        code: "invalid",
        message: `${future} is in the future.`,
        fields: { [future]: [`${future} is in the future.`] },
      });
    else if (parsed.success) valid.push({ index, input: parsed.data });
    else
      errors.push({
        index,
        code: "invalid",
        message: parsed.error.issues[0].message,
        fields: fieldErrors(parsed.error),
      });
  });
  if (!valid.length) return { leads: [], suppressed: 0, errors };
  const saved = await withTxRetry(
    () =>
      db.transaction(async (tx) => {
        await lockScoringShared(tx);
        const out: UpsertResult["leads"] = [];
        const found = await findSuppressed(tx, {
          emails: valid.flatMap((v) => (v.input.email ? [v.input.email] : [])),
          externalIds: valid.flatMap((v) => (v.input.externalId ? [v.input.externalId] : [])),
        });
        let suppressed = 0;
        // Sorted so concurrent batches lock the same leads in the same order.
        const ordered = [...valid].sort((a, b) =>
          (a.input.email ?? a.input.externalId ?? "").localeCompare(
            b.input.email ?? b.input.externalId ?? "",
          ),
        );
        for (const { index, input } of ordered) {
          if (isSuppressed(found, input)) {
            suppressed++;
            continue;
          }
          // A lead created in 2024 is created in 2024 (imported history); otherwise now.
          const {
            traits,
            consent,
            consentAt,
            consentSource,
            email,
            externalId,
            createdAt,
            ...fields
          } = input;
          // Consent is recorded with its time and where it was collected (the channel by default).
          const changes = {
            ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
            ...(consent !== undefined
              ? {
                  consent,
                  consentAt: consent ? (consentAt ?? now) : null,
                  consentSource: consentSource ?? options.source ?? null,
                }
              : {}),
          };
          const find = (where: ReturnType<typeof eq>) =>
            tx
              .select({ id: leads.id, email: leads.email, externalId: leads.externalId })
              .from(leads)
              .where(where)
              .for("update");
          let [existing] = email ? await find(eq(leads.email, email)) : [];
          let externalTaken = false;
          if (!existing && externalId) {
            // A lead first known by user id, now identified by email: the same person.
            const [byExternal] = await find(eq(leads.externalId, externalId));
            if (byExternal && (!email || !byExternal.email)) existing = byExternal;
            else externalTaken = Boolean(byExternal);
          } else if (existing && externalId && !existing.externalId) {
            // Found by email: it takes the external id only if no other lead holds it.
            const [holder] = await tx
              .select({ id: leads.id })
              .from(leads)
              .where(eq(leads.externalId, externalId));
            externalTaken = Boolean(holder);
          }
          if (existing) {
            await tx
              .update(leads)
              .set({
                ...changes,
                ...(createdAt ? { createdAt } : {}),
                ...(email && !existing.email ? { email } : {}),
                ...(externalId && !existing.externalId && !externalTaken ? { externalId } : {}),
                ...(traits
                  ? { traits: sql`${leads.traits} || ${JSON.stringify(traits)}::jsonb` }
                  : {}),
                updatedAt: now,
              })
              .where(eq(leads.id, existing.id));
            out.push({ index, id: existing.id, created: false });
          } else {
            const [row] = await tx
              .insert(leads)
              .values({
                email: email ?? null,
                externalId: externalTaken ? null : (externalId ?? null),
                source: options.source ?? null,
                ...changes,
                traits: traits ?? {},
                createdAt: createdAt ?? now,
                updatedAt: now,
              })
              .returning({ id: leads.id });
            out.push({ index, id: row.id, created: true });
          }
        }
        const active = await getActiveModel(tx);
        if (active)
          await scoreAndHandOff(tx, {
            model: active.model,
            version: active.version,
            asOf: now,
            cause: "lead",
            leadIds: out.map((l) => l.id),
          });
        return { leads: out.sort((a, b) => a.index - b.index), suppressed };
      }),
    6,
    { uniqueViolation: true },
  );
  return { leads: saved.leads, suppressed: saved.suppressed, errors };
}
