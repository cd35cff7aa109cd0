/**
 * What each webhook event says: the `data` of `{ type, timestamp, data }`. One shape per type (the
 * Standard Webhooks advice: a type fixes its schema), typed here so every emitter is checked.
 */
import type { Bant } from "@/db/schema";

export type WebhookPerson = { id: string; name: string; email: string | null };

/** The lead as it stands after the change, with its owner. */
export type WebhookLead = {
  id: string;
  email: string | null;
  externalId: string | null;
  name: string | null;
  company: string | null;
  country: string | null;
  source: string | null;
  stage: string;
  owner: (WebhookPerson & { teamId: string | null }) | null;
};

export type WebhookScore = {
  total: number;
  fit: number;
  engagement: number;
  /** Fit letter and engagement digit, e.g. "B2". */
  grade: string;
  band: string;
  modelVersion: number;
};

export type WebhookDecision = {
  id: number;
  by: WebhookPerson | null;
  note: string | null;
  at: string;
};

export type WebhookReason = { code: string; label: string };

export type WebhookEventData = {
  "lead.mql": {
    lead: WebhookLead;
    score: WebhookScore | null;
    /** The receipt's top lines, most points first. */
    reasons: { label: string; points: number }[];
  };
  "lead.accepted": { lead: WebhookLead; decision: WebhookDecision & { bant: Bant | null } };
  "lead.qualified": { lead: WebhookLead; decision: WebhookDecision };
  "lead.rejected": { lead: WebhookLead; decision: WebhookDecision; reason: WebhookReason };
  "lead.disqualified": { lead: WebhookLead; decision: WebhookDecision; reason: WebhookReason };
  "lead.reassigned": {
    lead: WebhookLead;
    from: WebhookPerson | null;
    to: WebhookPerson | null;
    /** "manual" (a manager), "sla_breach" (the SLA sweep) or "owner_deactivated" (the rep left). */
    cause: "manual" | "sla_breach" | "owner_deactivated";
    by: WebhookPerson | null;
  };
  "sla.breached": {
    lead: WebhookLead;
    breach: {
      kind: "first_touch" | "touches";
      due: string;
      rep: WebhookPerson | null;
      reassignedTo: WebhookPerson | null;
    };
  };
  "model.published": {
    version: number;
    name: string;
    note: string;
    mqlThreshold: number;
    publishedBy: string;
  };
};
