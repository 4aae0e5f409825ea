CREATE TYPE "public"."funding_source" AS ENUM('eu', 'council');--> statement-breakpoint
CREATE TYPE "public"."import_kind" AS ENUM('expenses', 'participation');--> statement-breakpoint
CREATE TYPE "public"."participation_status" AS ENUM('done', 'cancelled');--> statement-breakpoint
CREATE TABLE "expenses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expenses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"line" integer NOT NULL,
	"row_key" text NOT NULL,
	"occurrence" integer NOT NULL,
	"date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"document_number" text NOT NULL,
	"payee" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"event_number" integer,
	"funding_source" "funding_source",
	CONSTRAINT "expenses_identity" UNIQUE("project_id","row_key","occurrence")
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"kind" "import_kind" NOT NULL,
	"source_file_id" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"profile" jsonb NOT NULL,
	"dialect" jsonb NOT NULL,
	"report" jsonb NOT NULL,
	"records" integer NOT NULL,
	"accepted" integer NOT NULL,
	"rejected" integer NOT NULL,
	"set_aside" integer NOT NULL,
	"accepted_cents" bigint NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reverted_by" text,
	"reverted_at" timestamp with time zone,
	CONSTRAINT "import_batches_id_project" UNIQUE("id","project_id")
);
--> statement-breakpoint
CREATE TABLE "mapping_profiles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mapping_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" "import_kind" NOT NULL,
	"profile" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mapping_profiles_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "participations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"line" integer NOT NULL,
	"row_key" text NOT NULL,
	"person" text NOT NULL,
	"position" text NOT NULL,
	"event_number" integer,
	"city" text NOT NULL,
	"country" text,
	"departure" date NOT NULL,
	"return_date" date,
	"order_number" text NOT NULL,
	"status" "participation_status" NOT NULL,
	CONSTRAINT "participations_identity" UNIQUE("project_id","row_key")
);
--> statement-breakpoint
CREATE TABLE "source_file_chunks" (
	"file_id" text NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "source_file_chunks_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
CREATE TABLE "source_files" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"name" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_batch_fk" FOREIGN KEY ("batch_id","project_id") REFERENCES "public"."import_batches"("id","project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_source_file_id_source_files_id_fk" FOREIGN KEY ("source_file_id") REFERENCES "public"."source_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_batch_fk" FOREIGN KEY ("batch_id","project_id") REFERENCES "public"."import_batches"("id","project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_file_chunks" ADD CONSTRAINT "source_file_chunks_file_id_source_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."source_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_files" ADD CONSTRAINT "source_files_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expenses_batch" ON "expenses" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "expenses_project_date" ON "expenses" USING btree ("project_id","date");--> statement-breakpoint
CREATE INDEX "import_batches_project" ON "import_batches" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "participations_batch" ON "participations" USING btree ("batch_id");