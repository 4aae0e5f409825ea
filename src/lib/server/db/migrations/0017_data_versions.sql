-- Each project's data version: a number that changes in the same transaction as anything the
-- project's pages show (its plan, rows, imports, findings, periods), so that figures cached by an
-- app instance are known stale on the next request, on every instance. Versions are drawn from one
-- sequence, so a number is never used twice, not even after a restore. Statement-level triggers
-- see a million-row import as one statement, and its transition table names the projects.
CREATE SEQUENCE "data_version_seq";
--> statement-breakpoint
CREATE TABLE "data_versions" (
	"project_id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION "bump_data_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	changed text := case TG_OP when 'DELETE' then 'old_rows' else 'new_rows' end;
BEGIN
	EXECUTE format(
		'insert into data_versions (project_id, version)
			select p, nextval(''data_version_seq'')
			from (select distinct %1$I as p from %2$I where %1$I is not null) changed
		on conflict (project_id) do update set version = excluded.version',
		TG_ARGV[0], changed);
	-- An update may move a row to another project: the one it left changes too.
	IF TG_OP = 'UPDATE' THEN
		EXECUTE format(
			'insert into data_versions (project_id, version)
				select p, nextval(''data_version_seq'')
				from (select distinct o.%1$I as p from old_rows o where o.%1$I is not null
					and not exists (select 1 from new_rows n where n.%1$I = o.%1$I)) left_behind
			on conflict (project_id) do update set version = excluded.version',
			TG_ARGV[0]);
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "bump_all_data_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE data_versions SET version = nextval('data_version_seq');
	RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
	t record;
BEGIN
	FOR t IN SELECT * FROM (VALUES
		('projects', 'id'), ('project_partners', 'project_id'), ('year_plans', 'project_id'),
		('mobility_events', 'project_id'), ('plan_versions', 'project_id'),
		('import_batches', 'project_id'), ('expenses', 'project_id'),
		('participations', 'project_id'), ('expense_sums', 'project_id'),
		('expense_findings', 'project_id'), ('finding_entries', 'project_id'),
		('control_samples', 'project_id'), ('closed_periods', 'project_id'),
		('project_retention', 'project_id')
	) AS v(name, project_column) LOOP
		EXECUTE format('CREATE TRIGGER %1$I AFTER INSERT ON %2$I REFERENCING NEW TABLE AS new_rows
			FOR EACH STATEMENT EXECUTE FUNCTION bump_data_versions(%3$L)',
			t.name || '_version_insert', t.name, t.project_column);
		EXECUTE format('CREATE TRIGGER %1$I AFTER UPDATE ON %2$I
			REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
			FOR EACH STATEMENT EXECUTE FUNCTION bump_data_versions(%3$L)',
			t.name || '_version_update', t.name, t.project_column);
		EXECUTE format('CREATE TRIGGER %1$I AFTER DELETE ON %2$I REFERENCING OLD TABLE AS old_rows
			FOR EACH STATEMENT EXECUTE FUNCTION bump_data_versions(%3$L)',
			t.name || '_version_delete', t.name, t.project_column);
		EXECUTE format('CREATE TRIGGER %1$I AFTER TRUNCATE ON %2$I
			FOR EACH STATEMENT EXECUTE FUNCTION bump_all_data_versions()',
			t.name || '_version_truncate', t.name);
	END LOOP;
END $$;
--> statement-breakpoint
INSERT INTO "data_versions" ("project_id", "version")
	SELECT "id", nextval('data_version_seq') FROM "projects";
