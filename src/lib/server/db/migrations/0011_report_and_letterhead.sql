CREATE TABLE "office_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name_lv" text NOT NULL,
	"name_en" text NOT NULL,
	"logo_type" text,
	"logo" "bytea",
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "office_settings_single" CHECK ("office_settings"."id" = 1),
	CONSTRAINT "office_settings_logo" CHECK (("office_settings"."logo" is null) = ("office_settings"."logo_type" is null) and ("office_settings"."logo_type" is null or "office_settings"."logo_type" in ('image/png', 'image/jpeg')))
);
--> statement-breakpoint
CREATE TABLE "report_narratives" (
	"project_id" integer NOT NULL,
	"event_number" integer NOT NULL,
	"section" text NOT NULL,
	"text_lv" text NOT NULL,
	"text_en" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_narratives_project_id_event_number_section_pk" PRIMARY KEY("project_id","event_number","section"),
	CONSTRAINT "report_narratives_event" CHECK ("report_narratives"."event_number" >= 0),
	CONSTRAINT "report_narratives_section" CHECK ("report_narratives"."section" in ('happened', 'results', 'countries', 'dissemination'))
);
--> statement-breakpoint
ALTER TABLE "report_narratives" ADD CONSTRAINT "report_narratives_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;