/**
 * The lead events, as the changes that cause them emit them: each reads what it reports inside
 * the change's transaction (after the change), so the payload is what committed.
 */
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { reasons } from "@/db/schema";
import type { DecisionKind, ReasonKind } from "@/lib/shared/vocabulary";
import { withStoredReasons } from "@/lib/domain/inbox/top-reasons";
import type { WebhookEventData, WebhookPerson } from "./events";
import { leadFacts, people } from "./lead-summary";
import { emitWebhookEvents } from "./outbox";

/**
 * `lead.mql` for leads just handed over (and routed): owner, score, grade, the receipt's top lines
 * (stored with the score; replayed only for a score stored before they were).
 */
export async function emitMqls(q: Queryable, leadIds: string[], at: Date): Promise<number> {
  if (!leadIds.length) return 0;
  return emitWebhookEvents(
    q,
    "lead.mql",
    async () => {
      const facts = await leadFacts(q, leadIds);
      const refs = [...facts.values()].flatMap((f) =>
        f.score
          ? [
              {
                leadId: f.lead.id,
                modelVersion: f.score.modelVersion,
                asOf: at,
                earned: f.earned,
              },
            ]
          : [],
      );
      const lines = await withStoredReasons(q, refs);
      return leadIds.flatMap((id) => {
        const f = facts.get(id);
        return f
          ? [{ leadId: id, data: { lead: f.lead, score: f.score, reasons: lines.get(id) ?? [] } }]
          : [];
      });
    },
    at,
  );
}

const DECISION_TYPE = {
  accept: "lead.accepted",
  qualify: "lead.qualified",
  reject: "lead.rejected",
  disqualify: "lead.disqualified",
} as const;

export async function emitDecision(
  q: Queryable,
  args: {
    kind: DecisionKind;
    leadId: string;
    decision: { id: number; userId: string | null; note: string | null; bant: unknown };
    reasonCode: string | null;
    at: Date;
  },
): Promise<number> {
  const type = DECISION_TYPE[args.kind];
  return emitWebhookEvents(
    q,
    type,
    async () => {
      const [facts, by, reason] = await Promise.all([
        leadFacts(q, [args.leadId]),
        people(q, [args.decision.userId]),
        args.reasonCode && (args.kind === "reject" || args.kind === "disqualify")
          ? reasonLabel(q, args.kind, args.reasonCode)
          : null,
      ]);
      const lead = facts.get(args.leadId)?.lead;
      if (!lead) return [];
      const decision = {
        id: args.decision.id,
        by: (args.decision.userId && by.get(args.decision.userId)) || null,
        note: args.decision.note,
        at: args.at.toISOString(),
      };
      const data =
        type === "lead.accepted"
          ? { lead, decision: { ...decision, bant: args.decision.bant } }
          : type === "lead.qualified"
            ? { lead, decision }
            : { lead, decision, reason: reason ?? { code: args.reasonCode ?? "", label: "" } };
      return [{ leadId: args.leadId, data: data as WebhookEventData[typeof type] }];
    },
    args.at,
  );
}

async function reasonLabel(q: Queryable, kind: ReasonKind, code: string) {
  const [row] = await q
    .select({ code: reasons.code, label: reasons.labelEn })
    .from(reasons)
    .where(and(eq(reasons.kind, kind), eq(reasons.code, code)))
    .limit(1);
  return row ?? null;
}

export async function emitReassigned(
  q: Queryable,
  args: {
    leadId: string;
    from: string | null;
    to: string | null;
    cause: "manual" | "sla_breach" | "owner_deactivated";
    by: string | null;
    at: Date;
  },
): Promise<number> {
  return emitWebhookEvents(
    q,
    "lead.reassigned",
    async () => {
      const [facts, who] = await Promise.all([
        leadFacts(q, [args.leadId]),
        people(q, [args.from, args.to, args.by]),
      ]);
      const lead = facts.get(args.leadId)?.lead;
      const person = (id: string | null): WebhookPerson | null => (id && who.get(id)) || null;
      return lead
        ? [
            {
              leadId: args.leadId,
              data: {
                lead,
                from: person(args.from),
                to: person(args.to),
                cause: args.cause,
                by: person(args.by),
              },
            },
          ]
        : [];
    },
    args.at,
  );
}

export type BreachFact = {
  leadId: string;
  kind: "first_touch" | "touches";
  due: string;
  repId: string | null;
  reassignedTo: string | null;
};

/** `sla.breached` for each breach of one sweep, then `lead.reassigned` for the leads it moved. */
export async function emitBreaches(q: Queryable, breaches: BreachFact[], at: Date) {
  if (!breaches.length) return;
  const leadIds = [...new Set(breaches.map((b) => b.leadId))];
  let context: Promise<[Awaited<ReturnType<typeof leadFacts>>, Map<string, WebhookPerson>]>;
  const load = () =>
    (context ??= Promise.all([
      leadFacts(q, leadIds),
      people(
        q,
        breaches.flatMap((b) => [b.repId, b.reassignedTo]),
      ),
    ]));
  const person = (who: Map<string, WebhookPerson>, id: string | null) =>
    (id && who.get(id)) || null;
  await emitWebhookEvents(
    q,
    "sla.breached",
    async () => {
      const [facts, who] = await load();
      return breaches.flatMap((b) => {
        const lead = facts.get(b.leadId)?.lead;
        return lead
          ? [
              {
                leadId: b.leadId,
                data: {
                  lead,
                  breach: {
                    kind: b.kind,
                    due: b.due,
                    rep: person(who, b.repId),
                    reassignedTo: person(who, b.reassignedTo),
                  },
                },
              },
            ]
          : [];
      });
    },
    at,
  );
  const moved = new Map(breaches.filter((b) => b.reassignedTo).map((b) => [b.leadId, b] as const));
  if (!moved.size) return;
  await emitWebhookEvents(
    q,
    "lead.reassigned",
    async () => {
      const [facts, who] = await load();
      return [...moved.values()].flatMap((b) => {
        const lead = facts.get(b.leadId)?.lead;
        return lead
          ? [
              {
                leadId: b.leadId,
                data: {
                  lead,
                  from: person(who, b.repId),
                  to: person(who, b.reassignedTo),
                  cause: "sla_breach" as const,
                  by: null,
                },
              },
            ]
          : [];
      });
    },
    at,
  );
}
