CREATE TABLE "expense_sums" (
	"project_id" integer NOT NULL,
	"month" text NOT NULL,
	"category" text NOT NULL,
	"event" integer NOT NULL,
	"cents" bigint NOT NULL,
	"rows" integer NOT NULL,
	CONSTRAINT "expense_sums_project_id_month_category_event_pk" PRIMARY KEY("project_id","month","category","event")
);
--> statement-breakpoint
ALTER TABLE "expense_sums" ADD CONSTRAINT "expense_sums_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The sums of what is already imported; from here on, imports and reverts keep them.
INSERT INTO "expense_sums" ("project_id", "month", "category", "event", "cents", "rows")
	SELECT "project_id", to_char("date", 'YYYY-MM'), "category", coalesce("event_number", 0),
		sum("amount_cents"), count(*)
	FROM "expenses" GROUP BY 1, 2, 3, 4;
