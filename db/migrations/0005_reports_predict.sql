CREATE TABLE "mql_rule_hits" (
	"transition_id" bigint NOT NULL,
	"rule_id" text NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "mql_rule_hits_transition_id_rule_id_pk" PRIMARY KEY("transition_id","rule_id")
);
--> statement-breakpoint
CREATE TABLE "mql_snapshots" (
	"transition_id" bigint PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"model_version" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"target_rate" double precision DEFAULT 0.3 NOT NULL,
	"target_stage" text DEFAULT 'opportunity' NOT NULL,
	"outcome_window_days" integer DEFAULT 90 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_settings_singleton" CHECK ("report_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "lead_predictions" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"model_id" integer NOT NULL,
	"probability" double precision NOT NULL,
	"factors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "predictive_models" (
	"id" serial PRIMARY KEY NOT NULL,
	"trained_at" timestamp with time zone NOT NULL,
	"target" text NOT NULL,
	"status" text NOT NULL,
	"scoring_version" integer,
	"since" timestamp with time zone,
	"decided" integer NOT NULL,
	"positives" integer NOT NULL,
	"auc" double precision,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mql_rule_hits" ADD CONSTRAINT "mql_rule_hits_transition_id_mql_snapshots_transition_id_fk" FOREIGN KEY ("transition_id") REFERENCES "public"."mql_snapshots"("transition_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mql_snapshots" ADD CONSTRAINT "mql_snapshots_transition_id_lead_transitions_id_fk" FOREIGN KEY ("transition_id") REFERENCES "public"."lead_transitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_predictions" ADD CONSTRAINT "lead_predictions_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_predictions" ADD CONSTRAINT "lead_predictions_model_id_predictive_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."predictive_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mql_rule_hits_rule_idx" ON "mql_rule_hits" USING btree ("rule_id");--> statement-breakpoint
CREATE INDEX "mql_snapshots_lead_idx" ON "mql_snapshots" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "lead_predictions_model_idx" ON "lead_predictions" USING btree ("model_id");