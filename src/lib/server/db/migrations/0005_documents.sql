CREATE TYPE "public"."template_origin" AS ENUM('file', 'edit');--> statement-breakpoint
CREATE TABLE "documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"template_id" text NOT NULL,
	"template_version" integer NOT NULL,
	"lang" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"fingerprint" text NOT NULL,
	"snapshot" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"bytes" bigint NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "template_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "template_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"template_id" text NOT NULL,
	"version" integer NOT NULL,
	"origin" "template_origin" NOT NULL,
	"source" text NOT NULL,
	"sha256" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "template_versions_number" UNIQUE("template_id","version")
);
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_project" ON "documents" USING btree ("project_id","created_at");--> statement-breakpoint
-- Documents and template versions are kept as made: refuse every UPDATE and DELETE.
CREATE FUNCTION documents_immutable() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER documents_immutable
	BEFORE UPDATE OR DELETE ON documents
	FOR EACH ROW EXECUTE FUNCTION documents_immutable();
--> statement-breakpoint
CREATE TRIGGER template_versions_immutable
	BEFORE UPDATE OR DELETE ON template_versions
	FOR EACH ROW EXECUTE FUNCTION documents_immutable();
