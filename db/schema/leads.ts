import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { lifecycleStageEnum } from "./enums";
import { users } from "./users";

export const leads = pgTable(
  "leads",
  {
    /**
     * Time-ordered (UUID version 7, accord_uuid_v7(): migration 0018): new leads go to the end of
     * the primary key and of every index ordered by (time, id), not to random pages of them — a
     * large import or a burst of new leads touches a few pages per index instead of all of them.
     */
    id: uuid("id")
      .primaryKey()
      .default(sql`accord_uuid_v7()`),
    /** Stored lower-cased; null only for leads known by external id alone. */
    email: text("email").unique(),
    externalId: text("external_id").unique(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    jobTitle: text("job_title"),
    seniority: text("seniority"),
    company: text("company"),
    industry: text("industry"),
    /** Number of employees. */
    companySize: integer("company_size"),
    /** ISO 3166-1 alpha-2. */
    country: text("country"),
    phone: text("phone"),
    source: text("source"),
    consent: boolean("consent").notNull().default(false),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    /** Where the consent (or its withdrawal) was collected: "web_form", "import", "crm"… */
    consentSource: text("consent_source"),
    /** Custom traits, addressed by scoring rules as `traits.<key>`. */
    traits: jsonb("traits").$type<Record<string, unknown>>().notNull().default({}),
    stage: lifecycleStageEnum("lifecycle_stage").notNull().default("lead"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when the lead was erased (lib/domain/privacy/erase-lead.ts): the row stays as a tombstone
     * without personal data so the reports' counts (transitions join it) do not change, and every
     * lead query leaves it out (lead-scope.ts, the scoring compiler).
     */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
  },
  (t) => [
    index("leads_stage_idx").on(t.stage),
    index("leads_owner_idx").on(t.ownerId),
    index("leads_created_idx").on(t.createdAt.desc(), t.id),
    // The lead list's sorts (list-leads.ts): recent (and its keyset cursor), name, company.
    index("leads_updated_idx").on(t.updatedAt.desc(), t.id.desc()),
    index("leads_name_idx").on(sql`lower(${t.lastName})`, sql`lower(${t.firstName})`, t.id),
    index("leads_company_idx").on(sql`lower(${t.company})`, t.id),
    // Tombstones are few: the publish drops their scores through this index.
    index("leads_erased_idx")
      .on(t.id)
      .where(sql`${t.erasedAt} is not null`),
  ],
);

export type Lead = typeof leads.$inferSelect;
export type NewLead = typeof leads.$inferInsert;
