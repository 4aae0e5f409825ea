CREATE TYPE "public"."finding_action" AS ENUM('verify', 'query', 'deduct', 'answer', 'close', 'keep', 'clear');--> statement-breakpoint
CREATE TYPE "public"."finding_state" AS ENUM('verified', 'queried', 'ineligible');--> statement-breakpoint
CREATE TYPE "public"."sample_method" AS ENUM('random', 'mus');--> statement-breakpoint
CREATE TYPE "public"."sample_strata" AS ENUM('none', 'year', 'category', 'event');--> statement-breakpoint
CREATE TABLE "closed_periods" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "closed_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"starts" date NOT NULL,
	"ends" date NOT NULL,
	"reason" text,
	"closed_by" text NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reopened_by" text,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text,
	CONSTRAINT "closed_periods_order" CHECK ("closed_periods"."starts" <= "closed_periods"."ends")
);
--> statement-breakpoint
CREATE TABLE "control_reasons" (
	"code" text PRIMARY KEY NOT NULL,
	"label_lv" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "control_sample_items" (
	"sample_id" integer NOT NULL,
	"position" integer NOT NULL,
	"expense_id" bigint NOT NULL,
	"stratum" text NOT NULL,
	CONSTRAINT "control_sample_items_sample_id_position_pk" PRIMARY KEY("sample_id","position"),
	CONSTRAINT "control_sample_items_once" UNIQUE("sample_id","expense_id")
);
--> statement-breakpoint
CREATE TABLE "control_samples" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "control_samples_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"number" integer NOT NULL,
	"method" "sample_method" NOT NULL,
	"strata" "sample_strata" NOT NULL,
	"size" integer NOT NULL,
	"seed" text NOT NULL,
	"params" jsonb NOT NULL,
	"population_rows" integer NOT NULL,
	"population_cents" bigint NOT NULL,
	"population_sha256" text NOT NULL,
	"drawn_by" text NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "control_samples_project_number" UNIQUE("project_id","number")
);
--> statement-breakpoint
CREATE TABLE "expense_findings" (
	"expense_id" bigint PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"state" "finding_state" NOT NULL,
	"deducted_cents" bigint DEFAULT 0 NOT NULL,
	"reason_code" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_findings_deduction" CHECK ("expense_findings"."deducted_cents" >= 0),
	CONSTRAINT "expense_findings_ineligible" CHECK (("expense_findings"."state" = 'ineligible') = ("expense_findings"."deducted_cents" > 0))
);
--> statement-breakpoint
CREATE TABLE "finding_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "finding_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"expense_id" bigint NOT NULL,
	"project_id" integer NOT NULL,
	"action" "finding_action" NOT NULL,
	"state" "finding_state",
	"deducted_cents" bigint DEFAULT 0 NOT NULL,
	"reason_code" text,
	"text" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_evidence" (
	"entry_id" bigint NOT NULL,
	"file_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "finding_evidence_entry_id_file_id_pk" PRIMARY KEY("entry_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "project_retention" (
	"project_id" integer PRIMARY KEY NOT NULL,
	"keep_until" date NOT NULL,
	"reason" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "closed_periods" ADD CONSTRAINT "closed_periods_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_sample_items" ADD CONSTRAINT "control_sample_items_sample_id_control_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."control_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_sample_items" ADD CONSTRAINT "control_sample_items_expense_id_expenses_id_fk" FOREIGN KEY ("expense_id") REFERENCES "public"."expenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_samples" ADD CONSTRAINT "control_samples_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_findings" ADD CONSTRAINT "expense_findings_expense_id_expenses_id_fk" FOREIGN KEY ("expense_id") REFERENCES "public"."expenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_findings" ADD CONSTRAINT "expense_findings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_findings" ADD CONSTRAINT "expense_findings_reason_code_control_reasons_code_fk" FOREIGN KEY ("reason_code") REFERENCES "public"."control_reasons"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_entries" ADD CONSTRAINT "finding_entries_expense_id_expenses_id_fk" FOREIGN KEY ("expense_id") REFERENCES "public"."expenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_entries" ADD CONSTRAINT "finding_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_entries" ADD CONSTRAINT "finding_entries_reason_code_control_reasons_code_fk" FOREIGN KEY ("reason_code") REFERENCES "public"."control_reasons"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_evidence" ADD CONSTRAINT "finding_evidence_entry_id_finding_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."finding_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_evidence" ADD CONSTRAINT "finding_evidence_file_id_source_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."source_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_retention" ADD CONSTRAINT "project_retention_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closed_periods_project" ON "closed_periods" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "expense_findings_project" ON "expense_findings" USING btree ("project_id","state");--> statement-breakpoint
CREATE INDEX "finding_entries_expense" ON "finding_entries" USING btree ("expense_id","id");--> statement-breakpoint
-- A control's record is kept as written: a finding's thread, the files that answered it and the
-- samples drawn are never changed or deleted, whoever asks. The finding's current state is the
-- one row that changes, and every change to it adds an entry to its thread in the same transaction.
CREATE FUNCTION kept_as_written() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION '% is kept as written: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER finding_entries_kept BEFORE UPDATE OR DELETE ON finding_entries
	FOR EACH ROW EXECUTE FUNCTION kept_as_written();
--> statement-breakpoint
CREATE TRIGGER finding_entries_no_truncate BEFORE TRUNCATE ON finding_entries
	FOR EACH STATEMENT EXECUTE FUNCTION kept_as_written();
--> statement-breakpoint
CREATE TRIGGER finding_evidence_kept BEFORE UPDATE OR DELETE ON finding_evidence
	FOR EACH ROW EXECUTE FUNCTION kept_as_written();
--> statement-breakpoint
CREATE TRIGGER finding_evidence_no_truncate BEFORE TRUNCATE ON finding_evidence
	FOR EACH STATEMENT EXECUTE FUNCTION kept_as_written();
--> statement-breakpoint
CREATE TRIGGER control_samples_kept BEFORE UPDATE OR DELETE ON control_samples
	FOR EACH ROW EXECUTE FUNCTION kept_as_written();
--> statement-breakpoint
CREATE TRIGGER control_samples_no_truncate BEFORE TRUNCATE ON control_samples
	FOR EACH STATEMENT EXECUTE FUNCTION kept_as_written();
--> statement-breakpoint
CREATE TRIGGER control_sample_items_kept BEFORE UPDATE OR DELETE ON control_sample_items
	FOR EACH ROW EXECUTE FUNCTION kept_as_written();
--> statement-breakpoint
CREATE TRIGGER control_sample_items_no_truncate BEFORE TRUNCATE ON control_sample_items
	FOR EACH STATEMENT EXECUTE FUNCTION kept_as_written();
--> statement-breakpoint
-- A closed period stays: reopening fills the three reopen columns once, with a reason, and
-- changes nothing else. Nor may it be deleted.
CREATE FUNCTION closed_periods_kept() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.reopened_at IS NULL AND NEW.reopened_at IS NOT NULL
		AND NEW.reopened_by IS NOT NULL AND coalesce(btrim(NEW.reopen_reason), '') <> ''
		AND (NEW.id, NEW.project_id, NEW.starts, NEW.ends, NEW.reason, NEW.closed_by, NEW.closed_at)
			IS NOT DISTINCT FROM
			(OLD.id, OLD.project_id, OLD.starts, OLD.ends, OLD.reason, OLD.closed_by, OLD.closed_at) THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'closed_periods is kept as written: % is not allowed (reopening states a reason, once)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER closed_periods_kept BEFORE UPDATE OR DELETE ON closed_periods
	FOR EACH ROW EXECUTE FUNCTION closed_periods_kept();
--> statement-breakpoint
CREATE TRIGGER closed_periods_no_truncate BEFORE TRUNCATE ON closed_periods
	FOR EACH STATEMENT EXECUTE FUNCTION kept_as_written();
--> statement-breakpoint
-- An original's bytes stay while an import or a query's answer refers to them; the chunks of an
-- upload that neither took are no audit material yet, and may be cleared away.
CREATE OR REPLACE FUNCTION source_file_chunks_kept() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		IF NOT EXISTS (SELECT FROM import_batches WHERE source_file_id = OLD.file_id)
			AND NOT EXISTS (SELECT FROM finding_evidence WHERE file_id = OLD.file_id) THEN
			RETURN OLD;
		END IF;
	END IF;
	RAISE EXCEPTION '% is kept as imported: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
