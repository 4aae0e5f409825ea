-- Retention: nothing of a project may be deleted before the date its records are kept until, and
-- after it only by the admin's purge, which runs in one transaction after begin_project_purge().
-- That function checks the date here, in the database, and names the project in a
-- transaction-local setting; the kept-as-written triggers then let through the DELETEs of that
-- project's rows alone, and only in that transaction. The audit log is never purged.
--
-- The default date is computed as src/lib/domain/control/retention.ts does: five years from
-- 31 December of the year of the last live expense (no expenses: of the project's end), unless
-- project_retention sets it.
CREATE FUNCTION project_keep_until(pid integer) RETURNS date AS $$
	SELECT coalesce(
		(SELECT keep_until FROM project_retention WHERE project_id = pid),
		make_date(extract(year FROM coalesce(
			(SELECT max(date) FROM expenses WHERE project_id = pid AND reverted_at IS NULL),
			(SELECT period_end FROM projects WHERE id = pid)
		))::integer + 5, 12, 31)
	);
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- The date is checked once, before anything is deleted (the purge itself removes the rows the
-- default is counted from), and kept for the rest of the transaction.
CREATE FUNCTION begin_project_purge(pid integer) RETURNS date AS $$
DECLARE
	until date := project_keep_until(pid);
BEGIN
	IF until IS NULL THEN
		RAISE EXCEPTION 'project % does not exist', pid;
	END IF;
	IF until >= (now() AT TIME ZONE 'Europe/Riga')::date THEN
		RAISE EXCEPTION 'project % is kept until %: it cannot be purged before then', pid, until
			USING ERRCODE = 'P0001', HINT = 'retention';
	END IF;
	PERFORM set_config('cofund.purge_project', pid::text, true);
	RETURN until;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Whether a row being deleted belongs to the project this transaction purges.
CREATE FUNCTION purge_allows(tbl text, old_row jsonb) RETURNS boolean AS $$
DECLARE
	pid integer := nullif(current_setting('cofund.purge_project', true), '')::integer;
BEGIN
	IF pid IS NULL THEN
		RETURN false;
	END IF;
	RETURN pid IS NOT DISTINCT FROM CASE tbl
		WHEN 'projects' THEN (old_row->>'id')::integer
		WHEN 'finding_evidence' THEN
			(SELECT project_id FROM finding_entries WHERE id = (old_row->>'entry_id')::bigint)
		WHEN 'control_sample_items' THEN
			(SELECT project_id FROM control_samples WHERE id = (old_row->>'sample_id')::integer)
		WHEN 'source_file_chunks' THEN
			(SELECT project_id FROM source_files WHERE id = old_row->>'file_id')
		ELSE (old_row->>'project_id')::integer
	END;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION imported_rows_immutable() RETURNS trigger AS $$
DECLARE
	mark timestamptz;
BEGIN
	IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND purge_allows(TG_TABLE_NAME, to_jsonb(OLD)) THEN
		RETURN OLD;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		mark := NEW.reverted_at;
		IF OLD.reverted_at IS NULL AND mark IS NOT NULL THEN
			NEW.reverted_at := NULL;
			IF NEW IS NOT DISTINCT FROM OLD AND EXISTS (
				SELECT FROM import_batches WHERE id = OLD.batch_id AND reverted_at = mark
			) THEN
				NEW.reverted_at := mark;
				RETURN NEW;
			END IF;
		END IF;
	END IF;
	RAISE EXCEPTION '% is kept as imported: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION import_batches_immutable() RETURNS trigger AS $$
DECLARE
	mark timestamptz;
	marker text;
BEGIN
	IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND purge_allows(TG_TABLE_NAME, to_jsonb(OLD)) THEN
		RETURN OLD;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		mark := NEW.reverted_at;
		marker := NEW.reverted_by;
		IF OLD.reverted_at IS NULL AND OLD.reverted_by IS NULL
			AND mark IS NOT NULL AND marker IS NOT NULL THEN
			NEW.reverted_at := NULL;
			NEW.reverted_by := NULL;
			IF NEW IS NOT DISTINCT FROM OLD THEN
				NEW.reverted_at := mark;
				NEW.reverted_by := marker;
				RETURN NEW;
			END IF;
		END IF;
	END IF;
	RAISE EXCEPTION '% is kept as imported: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION source_file_chunks_kept() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' THEN
		IF purge_allows(TG_TABLE_NAME, to_jsonb(OLD)) OR (
			NOT EXISTS (SELECT FROM import_batches WHERE source_file_id = OLD.file_id)
			AND NOT EXISTS (SELECT FROM finding_evidence WHERE file_id = OLD.file_id)
		) THEN
			RETURN OLD;
		END IF;
	END IF;
	RAISE EXCEPTION '% is kept as imported: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION documents_immutable() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND purge_allows(TG_TABLE_NAME, to_jsonb(OLD)) THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION plan_versions_adopted_stay() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'DELETE' AND purge_allows(TG_TABLE_NAME, to_jsonb(OLD)) THEN
		RETURN OLD;
	END IF;
	IF OLD.status = 'adopted' THEN
		RAISE EXCEPTION 'plan version % of project % is adopted and stays as adopted: % is not allowed',
			OLD.number, OLD.project_id, TG_OP;
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kept_as_written() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND purge_allows(TG_TABLE_NAME, to_jsonb(OLD)) THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION '% is kept as written: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION closed_periods_kept() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'DELETE' AND purge_allows(TG_TABLE_NAME, to_jsonb(OLD)) THEN
		RETURN OLD;
	END IF;
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
-- A project itself, and what holds its records and its settings, go only with a purge.
CREATE FUNCTION project_kept_until_purge() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND purge_allows(TG_TABLE_NAME, to_jsonb(OLD)) THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION '% is kept until the project''s retention date and its purge: % is not allowed',
		TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER projects_kept BEFORE DELETE ON projects
	FOR EACH ROW EXECUTE FUNCTION project_kept_until_purge();
--> statement-breakpoint
CREATE TRIGGER projects_no_truncate BEFORE TRUNCATE ON projects
	FOR EACH STATEMENT EXECUTE FUNCTION project_kept_until_purge();
--> statement-breakpoint
-- An original stays while an import or a query's answer refers to it; an upload no import took
-- may still be cleared away.
CREATE FUNCTION source_files_kept() RETURNS trigger AS $$
BEGIN
	IF purge_allows(TG_TABLE_NAME, to_jsonb(OLD))
		OR (NOT EXISTS (SELECT FROM import_batches WHERE source_file_id = OLD.id)
			AND NOT EXISTS (SELECT FROM finding_evidence WHERE file_id = OLD.id)) THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION 'source_files is kept as imported: DELETE is not allowed';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER source_files_kept BEFORE DELETE ON source_files
	FOR EACH ROW EXECUTE FUNCTION source_files_kept();
--> statement-breakpoint
CREATE TRIGGER project_retention_kept BEFORE DELETE ON project_retention
	FOR EACH ROW EXECUTE FUNCTION project_kept_until_purge();
