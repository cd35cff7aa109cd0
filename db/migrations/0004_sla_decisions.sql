CREATE TYPE "public"."decision_kind" AS ENUM('accept', 'qualify', 'reject', 'disqualify');--> statement-breakpoint
CREATE TYPE "public"."reason_kind" AS ENUM('reject', 'disqualify');--> statement-breakpoint
CREATE TYPE "public"."touch_channel" AS ENUM('call', 'email', 'meeting', 'linkedin');--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"lead_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" "decision_kind" NOT NULL,
	"reason_code" text,
	"note" text,
	"bant" jsonb,
	"score_total" double precision,
	"score_fit" double precision,
	"score_engagement" double precision,
	"model_version" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"lead_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reasons" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "reason_kind" NOT NULL,
	"code" text NOT NULL,
	"label_en" text NOT NULL,
	"label_fr" text NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_clocks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sla_clocks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"lead_id" uuid NOT NULL,
	"user_id" uuid,
	"team_id" uuid,
	"policy_id" integer,
	"policy_name" text NOT NULL,
	"min_touches" integer NOT NULL,
	"reassign_on_breach" boolean NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"first_touch_due" timestamp with time zone NOT NULL,
	"touches_due_by" timestamp with time zone NOT NULL,
	"first_touch_at" timestamp with time zone,
	"breached_first_touch_at" timestamp with time zone,
	"breached_touches_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_reason" text
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"min_fit_grade" text,
	"min_score" double precision,
	"first_touch_minutes" integer NOT NULL,
	"min_touches" integer NOT NULL,
	"touch_window_days" integer NOT NULL,
	"reassign_on_breach" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "touches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "touches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"lead_id" uuid NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"channel" "touch_channel" NOT NULL,
	"outcome" text NOT NULL,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "holidays" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_policy_id_sla_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."sla_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decisions_lead_at_idx" ON "decisions" USING btree ("lead_id","at");--> statement-breakpoint
CREATE INDEX "decisions_kind_at_idx" ON "decisions" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reasons_kind_code_idx" ON "reasons" USING btree ("kind","code");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_clocks_one_open_idx" ON "sla_clocks" USING btree ("lead_id") WHERE "sla_clocks"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "sla_clocks_lead_idx" ON "sla_clocks" USING btree ("lead_id","started_at");--> statement-breakpoint
CREATE INDEX "sla_clocks_open_due_idx" ON "sla_clocks" USING btree ("first_touch_due") WHERE "sla_clocks"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "sla_clocks_user_idx" ON "sla_clocks" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "touches_lead_at_idx" ON "touches" USING btree ("lead_id","at");--> statement-breakpoint
INSERT INTO "sla_policies" ("position", "name", "min_fit_grade", "min_score", "first_touch_minutes", "min_touches", "touch_window_days", "reassign_on_breach") VALUES
	(0, 'Hot', 'A', 100, 60, 3, 5, false),
	(1, 'Standard', NULL, NULL, 240, 3, 5, false);--> statement-breakpoint
INSERT INTO "reasons" ("kind", "code", "label_en", "label_fr", "position") VALUES
	('reject', 'not_ready', 'Not ready / timing', 'Pas prêt / mauvais moment', 0),
	('reject', 'no_response', 'No response after minimum touches', 'Pas de réponse après les relances minimales', 1),
	('reject', 'no_project', 'No project yet', 'Pas encore de projet', 2),
	('disqualify', 'student', 'Student', 'Étudiant', 0),
	('disqualify', 'competitor', 'Competitor', 'Concurrent', 1),
	('disqualify', 'wrong_persona', 'Wrong persona', 'Mauvais profil', 2),
	('disqualify', 'no_budget', 'No budget', 'Pas de budget', 3),
	('disqualify', 'duplicate', 'Duplicate', 'Doublon', 4),
	('disqualify', 'spam', 'Spam', 'Spam', 5);
