CREATE TABLE "privacy_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"salt" text DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') NOT NULL,
	"event_retention_months" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_settings_singleton" CHECK ("privacy_settings"."id" = 1),
	CONSTRAINT "privacy_settings_retention" CHECK ("privacy_settings"."event_retention_months" is null or "privacy_settings"."event_retention_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "suppressions" (
	"hash" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "consent_source" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "privacy_settings" ADD CONSTRAINT "privacy_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leads_erased_idx" ON "leads" USING btree ("id") WHERE "leads"."erased_at" is not null;--> statement-breakpoint
-- ===== HAND-WRITTEN (privacy): the install's one settings row, with its generated salt. Re-add after regenerating. =====
INSERT INTO "privacy_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
-- ===== END HAND-WRITTEN =====
