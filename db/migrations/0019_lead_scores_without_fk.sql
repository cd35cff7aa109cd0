ALTER TABLE "lead_scores" DROP CONSTRAINT "lead_scores_lead_id_leads_id_fk";
