CREATE TABLE "template_failures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "template_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"template_id" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"problem" text NOT NULL,
	"line" integer,
	"limit_name" text,
	"limit_value" bigint,
	"project" text NOT NULL,
	"lang" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "template_failures" ADD CONSTRAINT "template_failures_version" FOREIGN KEY ("template_id","version") REFERENCES "public"."template_versions"("template_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "template_failures_template" ON "template_failures" USING btree ("template_id","version");--> statement-breakpoint
-- A failure mark is kept like the version it marks: never changed, never removed.
CREATE TRIGGER template_failures_immutable
	BEFORE UPDATE OR DELETE ON template_failures
	FOR EACH ROW EXECUTE FUNCTION documents_immutable();
