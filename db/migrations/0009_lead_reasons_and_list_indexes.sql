DROP INDEX "leads_name_idx";--> statement-breakpoint
ALTER TABLE "lead_scores" ADD COLUMN "reasons" jsonb;--> statement-breakpoint
CREATE INDEX "leads_updated_idx" ON "leads" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "leads_company_idx" ON "leads" USING btree (lower("company"),"id");--> statement-breakpoint
CREATE INDEX "lead_scores_total_idx" ON "lead_scores" USING btree ("total" DESC NULLS LAST,"lead_id");--> statement-breakpoint
CREATE INDEX "leads_name_idx" ON "leads" USING btree (lower("last_name"),lower("first_name"),"id");