/**
 * Privacy (GDPR): the suppression list of erased identities and the install's privacy settings.
 * An erased lead's email and external id are kept only as salted hashes (HMAC-SHA-256), so that
 * ingestion can recognise them and not recreate the lead, while the list itself names nobody.
 */
import { sql } from "drizzle-orm";
import { check, integer, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const suppressions = pgTable("suppressions", {
  /** hex HMAC-SHA-256 of `<kind>:<value>` under the install's salt. */
  hash: text("hash").primaryKey(),
  /** "email" or "external_id". */
  kind: text("kind").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const privacySettings = pgTable(
  "privacy_settings",
  {
    id: smallint("id").primaryKey().default(1),
    /**
     * The salt of the suppression hashes, generated once per install (ACCORD_PRIVACY_SALT, when
     * set, is used instead: then a copy of the database alone cannot test an email against it).
     */
    salt: text("salt")
      .notNull()
      .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
    /** Events older than this many months are deleted by the daily retention job; null: kept. */
    eventRetentionMonths: integer("event_retention_months"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("privacy_settings_singleton", sql`${t.id} = 1`),
    check(
      "privacy_settings_retention",
      sql`${t.eventRetentionMonths} is null or ${t.eventRetentionMonths} between 1 and 120`,
    ),
  ],
);

export type PrivacySettings = typeof privacySettings.$inferSelect;
