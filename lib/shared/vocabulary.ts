/**
 * The vocabulary the database, the server and the browser share: plain constants and types, no
 * drizzle import, safe in client bundles. The schema builds its enums from these.
 */
export const ROLES = ["admin", "marketer", "manager", "rep"] as const;
export type Role = (typeof ROLES)[number];

/** subscriber → lead → mql → sal → sql → opportunity → customer, with side exits recycled and disqualified, and lost (a deal the CRM closed lost). */
export const LIFECYCLE_STAGES = [
  "subscriber",
  "lead",
  "mql",
  "sal",
  "sql",
  "opportunity",
  "customer",
  "recycled",
  "disqualified",
  "lost",
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** How a rep reached out to a lead. */
export const TOUCH_CHANNELS = ["call", "email", "meeting", "linkedin"] as const;
export type TouchChannel = (typeof TOUCH_CHANNELS)[number];

/** What came of a touch. */
export const TOUCH_OUTCOMES = [
  "no_answer",
  "left_message",
  "connected",
  "replied",
  "meeting_booked",
  "bounced",
] as const;
export type TouchOutcome = (typeof TOUCH_OUTCOMES)[number];

/** A rep's decision on a lead: accept (MQL → SAL), qualify (SAL → SQL), reject (→ recycled), disqualify. */
export const DECISION_KINDS = ["accept", "qualify", "reject", "disqualify"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The two agreed reason lists. */
export const REASON_KINDS = ["reject", "disqualify"] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

/** Fit grade letters, best first. */
export const FIT_GRADES = ["A", "B", "C", "D"] as const;
export type FitGradeLetter = (typeof FIT_GRADES)[number];

/** What a handoff counts as converted to, in reports and the predictive score. */
export const OUTCOME_TARGETS = ["accepted", "qualified", "opportunity", "won"] as const;
export type OutcomeTarget = (typeof OUTCOME_TARGETS)[number];

/** Weekly working hours in the user's own time zone; days are ISO weekdays (1 = Monday). */
export type WorkingHours = { days: number[]; start: string; end: string };

/** What a rep records on accepting a lead (seed 004). */
export type Bant = { budget: string; authority: string; need: string; timeframe: string };

/** What an API key may do; people are governed by roles (lib/auth/permissions.ts). */
export const API_SCOPES = [
  "events:write",
  "imports:write",
  "leads:read",
  "leads:write",
  "model:read",
  "model:write",
  "privacy:read",
  "privacy:write",
  "reports:read",
  "webhooks:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** What outgoing webhook endpoints can subscribe to (Standard Webhooks `type`s). */
export const WEBHOOK_EVENT_TYPES = [
  "lead.mql",
  "lead.accepted",
  "lead.qualified",
  "lead.rejected",
  "lead.disqualified",
  "lead.reassigned",
  "sla.breached",
  "model.published",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent on request to one endpoint only, whatever it subscribes to ("send test event"). */
export const WEBHOOK_TEST_EVENT = "webhook.test";

/** A delivery waits (first try or a retry), has been answered with a 2xx, or was given up. */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * Why a delivery attempt failed, as the log shows it in the reader's language: no connection
 * (refused, closed, unknown host), no answer in time, a worker stopping, a redirect (not
 * followed), 410 Gone, another non-2xx status, or something else (its text is in `lastError`).
 */
export const WEBHOOK_ERROR_KINDS = [
  "refused",
  "closed",
  "dns",
  "timeout",
  "interrupted",
  "redirect",
  "gone",
  "status",
  "other",
] as const;
export type WebhookErrorKind = (typeof WEBHOOK_ERROR_KINDS)[number];

/** Why an endpoint stopped receiving: an admin turned it off, it kept failing, or it answered 410 Gone. */
export const WEBHOOK_DISABLED_REASONS = ["admin", "failing", "gone"] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];
