CREATE TABLE "predictive_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"included_attributes" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "predictive_settings_singleton" CHECK ("predictive_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "lead_transitions" ADD COLUMN "attributes" jsonb;--> statement-breakpoint
-- ===== HAND-WRITTEN (predict): the lead's attributes at each handoff. Re-add after regenerating. =====
-- lead_attributes(lead): profile fields and traits flattened as rules address them ("traits.<key>"),
-- nulls and empty strings left out. Kept in step with attributesSql in lib/domain/predict/features.ts.
CREATE OR REPLACE FUNCTION lead_attributes(l leads) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object(
      'source', nullif(l.source, ''), 'industry', nullif(l.industry, ''),
      'seniority', nullif(l.seniority, ''), 'country', nullif(l.country, ''),
      'jobTitle', nullif(l.job_title, ''), 'company', nullif(l.company, ''),
      'companySize', l.company_size))
    || coalesce((SELECT jsonb_object_agg('traits.' || k.key, k.value) FROM jsonb_each(l.traits) k
                 WHERE jsonb_typeof(k.value) <> 'null' AND k.value <> '""'::jsonb), '{}'::jsonb)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_transitions_snapshot_attributes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.to_stage = 'mql' AND NEW.attributes IS NULL THEN
    SELECT lead_attributes(l) INTO NEW.attributes FROM leads l WHERE l.id = NEW.lead_id;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER lead_transitions_snapshot_attributes BEFORE INSERT ON lead_transitions
  FOR EACH ROW EXECUTE FUNCTION lead_transitions_snapshot_attributes();
--> statement-breakpoint
-- Handoffs recorded before this migration: the lead as it is now is the best record there is.
UPDATE lead_transitions t SET attributes = lead_attributes(l)
  FROM leads l WHERE l.id = t.lead_id AND t.to_stage = 'mql' AND t.attributes IS NULL;
-- ===== END HAND-WRITTEN =====
