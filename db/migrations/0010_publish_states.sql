ALTER TABLE "model_versions" ADD COLUMN "state" text DEFAULT 'live' NOT NULL;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "job_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_one_publishing" ON "model_versions" USING btree ("state") WHERE "model_versions"."state" = 'publishing';--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_state" CHECK ("model_versions"."state" in ('publishing', 'live', 'failed'));