ALTER TABLE "score_history" DROP CONSTRAINT "score_history_lead_id_leads_id_fk";
--> statement-breakpoint
DROP INDEX "lead_scores_total_idx";--> statement-breakpoint
DROP INDEX "score_history_at_idx";--> statement-breakpoint
-- Room on each page for an updated row version, so rescoring updates stay HOT (no index writes).
ALTER TABLE "lead_scores" SET (fillfactor = 70);
