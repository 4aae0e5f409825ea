CREATE TYPE "public"."partner_role" AS ENUM('lead', 'partner');--> statement-breakpoint
CREATE TABLE "mobility_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mobility_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"number" integer NOT NULL,
	"title_lv" text,
	"title_en" text,
	"city" text,
	"country" text NOT NULL,
	"country_lv" text,
	"country_en" text,
	"planned_month" text NOT NULL,
	"planned_representatives" integer NOT NULL,
	CONSTRAINT "mobility_events_project_number" UNIQUE("project_id","number"),
	CONSTRAINT "mobility_events_month_format" CHECK ("mobility_events"."planned_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "project_partners" (
	"project_id" integer NOT NULL,
	"role" "partner_role" NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"local_name" text,
	"city" text,
	"country" text NOT NULL,
	"country_lv" text,
	"country_en" text,
	CONSTRAINT "project_partners_project_id_role_position_pk" PRIMARY KEY("project_id","role","position")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"title_lv" text NOT NULL,
	"title_en" text NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"programme_lv" text NOT NULL,
	"programme_en" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"decision_body_lv" text NOT NULL,
	"decision_body_lv_genitive" text NOT NULL,
	"decision_body_en" text NOT NULL,
	"decision_date" date NOT NULL,
	"decision_number" text NOT NULL,
	"decision_annex" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	"eu_cents" bigint NOT NULL,
	"council_cents" bigint NOT NULL,
	"planned_mobilities" integer,
	"goal_lv" text NOT NULL,
	"goal_en" text NOT NULL,
	"activities_lv" text NOT NULL,
	"activities_en" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_code_unique" UNIQUE("code"),
	CONSTRAINT "projects_code_format" CHECK ("projects"."code" ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$')
);
--> statement-breakpoint
CREATE TABLE "year_plans" (
	"project_id" integer NOT NULL,
	"year" integer NOT NULL,
	"prefinancing_cents" bigint NOT NULL,
	"cofinancing_cents" bigint NOT NULL,
	CONSTRAINT "year_plans_project_id_year_pk" PRIMARY KEY("project_id","year")
);
--> statement-breakpoint
ALTER TABLE "mobility_events" ADD CONSTRAINT "mobility_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_plans" ADD CONSTRAINT "year_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;