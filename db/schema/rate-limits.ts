import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters of rate-limiter-flexible's Drizzle store (lib/http/rate-limit): one row per key
 * (`signin:account:…`, `api:key:…`), its points consumed and when they expire. Used on
 * PostgreSQL so the limits hold across app servers; the embedded default counts in memory.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: timestamp("expire", { withTimezone: true }),
});
