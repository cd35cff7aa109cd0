import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  WebhookDeliveryStatus,
  WebhookDisabledReason,
  WebhookErrorKind,
  WebhookEventType,
} from "@/lib/shared/vocabulary";
import { leads } from "./leads";
import { users } from "./users";

/**
 * Where outgoing webhooks go. The secret signs every request (HMAC, so it is kept as is, never
 * returned after creation); after a rotation the previous one still signs until
 * `previous_secret_until`, so a receiver can switch keys without losing a message.
 */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  eventTypes: text("event_types").array().$type<WebhookEventType[]>().notNull(),
  enabled: boolean("enabled").notNull().default(true),
  disabledReason: text("disabled_reason").$type<WebhookDisabledReason>(),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  secret: text("secret").notNull(),
  previousSecret: text("previous_secret"),
  previousSecretUntil: timestamp("previous_secret_until", { withTimezone: true }),
  /** The first failed attempt since the last success: a run of failures long enough disables it. */
  failingSince: timestamp("failing_since", { withTimezone: true }),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  /** After a 429 or an overloaded gateway, nothing is sent before this. */
  throttledUntil: timestamp("throttled_until", { withTimezone: true }),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The outbox: one row per event, written in the transaction of the change it reports, so it
 * exists if and only if the change committed. Its id is the `webhook-id` every endpoint receives.
 */
export const webhookMessages = pgTable(
  "webhook_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: text("type").notNull(),
    /** Erasing a lead erases what was said about it. */
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "cascade" }),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** When the change happened: the body's `timestamp`. */
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_messages_lead_idx").on(t.leadId)],
);

/**
 * One message to one endpoint. `next_attempt_at` is the only schedule: a retry's backoff, or a
 * lease while an attempt is in flight (a worker that dies leaves it due again). Deliveries about
 * one lead go out in id order: a later one waits while an earlier one is pending.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    messageId: uuid("message_id")
      .notNull()
      .references(() => webhookMessages.id, { onDelete: "cascade" }),
    /** The message's lead, copied here so the per-lead order is one index lookup. */
    leadId: uuid("lead_id"),
    status: text("status").$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    responseStatus: integer("response_status"),
    /** The receiver's answer, cut to 2 KB; shown escaped, never as HTML. */
    responseBody: text("response_body"),
    latencyMs: integer("latency_ms"),
    lastError: text("last_error"),
    /** The same failure as a kind, which the log words in the reader's language. */
    errorKind: text("error_kind").$type<WebhookErrorKind>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("webhook_deliveries_due_idx")
      .on(t.endpointId, t.nextAttemptAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_lead_order_idx")
      .on(t.endpointId, t.leadId, t.id)
      .where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_log_idx").on(t.endpointId, t.id),
    index("webhook_deliveries_message_idx").on(t.messageId),
    index("webhook_deliveries_finished_idx")
      .on(t.finishedAt)
      .where(sql`${t.status} <> 'pending'`),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookMessage = typeof webhookMessages.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
