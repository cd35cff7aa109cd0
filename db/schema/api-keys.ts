import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ApiScope } from "@/lib/shared/vocabulary";
import { users } from "./users";

/** Keys for machine clients. Only a SHA-256 of the secret is kept; the secret is shown once. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** The public part of the key, used to find it (`acc_<prefix>_<secret>`). */
    prefix: text("prefix").notNull().unique(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().$type<ApiScope[]>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_keys_created_idx").on(t.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
