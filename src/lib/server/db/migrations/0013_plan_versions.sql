CREATE TYPE "public"."plan_version_kind" AS ENUM('adoption', 'amendment', 'correction');--> statement-breakpoint
CREATE TYPE "public"."plan_version_status" AS ENUM('draft', 'submitted', 'adopted');--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"number" integer NOT NULL,
	"status" "plan_version_status" NOT NULL,
	"kind" "plan_version_kind" NOT NULL,
	"definition" jsonb NOT NULL,
	"decision_date" date,
	"decision_number" text,
	"based_on" integer,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"adopted_by" text,
	"adopted_at" timestamp with time zone,
	CONSTRAINT "plan_versions_project_number" UNIQUE("project_id","number")
);
--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_one_per_decision" ON "plan_versions" USING btree ("project_id","decision_date","decision_number") WHERE status = 'adopted' and kind <> 'correction';--> statement-breakpoint
CREATE INDEX "plan_versions_decision" ON "plan_versions" USING btree ("decision_date");--> statement-breakpoint
-- An adopted version is what the council decided: refuse to change or delete it, whoever asks.
-- A draft may be edited, submitted, adopted (its one change into 'adopted') or discarded.
CREATE FUNCTION plan_versions_adopted_stay() RETURNS trigger AS $$
BEGIN
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
CREATE TRIGGER plan_versions_adopted_stay
	BEFORE UPDATE OR DELETE ON plan_versions
	FOR EACH ROW EXECUTE FUNCTION plan_versions_adopted_stay();
--> statement-breakpoint
CREATE TRIGGER plan_versions_no_truncate
	BEFORE TRUNCATE ON plan_versions
	FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
-- Every project made before versions existed gets its plan as version 1, adopted by the decision
-- its definition names. The JSON is the definition as load-definition.ts reads it from the rows
-- (absent optional values left out), so the first amendment diffs against exactly what was there.
INSERT INTO "plan_versions" ("project_id", "number", "status", "kind", "definition",
	"decision_date", "decision_number", "created_by", "created_at", "adopted_by", "adopted_at")
SELECT p.id, 1, 'adopted', 'adoption',
	jsonb_strip_nulls(jsonb_build_object(
		'code', p.code,
		'title', jsonb_build_object('lv', p.title_lv, 'en', p.title_en),
		'currency', p.currency,
		'programme', jsonb_build_object('lv', p.programme_lv, 'en', p.programme_en),
		'period', jsonb_build_object('start', p.period_start, 'end', p.period_end),
		'leadPartner', (
			SELECT jsonb_strip_nulls(jsonb_build_object(
				'name', l.name, 'nameEn', l.name_en, 'city', l.city, 'country', l.country,
				'countryName', CASE WHEN coalesce(l.country_lv, '') <> '' OR coalesce(l.country_en, '') <> ''
					THEN jsonb_strip_nulls(jsonb_build_object('lv', l.country_lv, 'en', l.country_en)) END,
				'localName', l.local_name))
			FROM project_partners l WHERE l.project_id = p.id AND l.role = 'lead'),
		'partners', coalesce((
			SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'name', o.name, 'nameEn', o.name_en, 'city', o.city, 'country', o.country,
				'countryName', CASE WHEN coalesce(o.country_lv, '') <> '' OR coalesce(o.country_en, '') <> ''
					THEN jsonb_strip_nulls(jsonb_build_object('lv', o.country_lv, 'en', o.country_en)) END
			)) ORDER BY o.position)
			FROM project_partners o WHERE o.project_id = p.id AND o.role = 'partner'), '[]'::jsonb),
		'decision', jsonb_build_object(
			'body', jsonb_build_object('lv', p.decision_body_lv, 'lvGenitive', p.decision_body_lv_genitive,
				'en', p.decision_body_en),
			'date', p.decision_date, 'number', p.decision_number, 'annex', p.decision_annex),
		'funding', jsonb_build_object(
			'total', p.total_cents, 'eu', p.eu_cents, 'council', p.council_cents,
			'years', coalesce((
				SELECT jsonb_agg(jsonb_build_object('year', y.year, 'prefinancing', y.prefinancing_cents,
					'cofinancing', y.cofinancing_cents) ORDER BY y.year)
				FROM year_plans y WHERE y.project_id = p.id), '[]'::jsonb)),
		'events', coalesce((
			SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'number', e.number,
				'title', CASE WHEN e.title_lv IS NOT NULL OR e.title_en IS NOT NULL
					THEN jsonb_build_object('lv', coalesce(e.title_lv, ''), 'en', coalesce(e.title_en, '')) END,
				'city', e.city, 'country', e.country,
				'countryName', CASE WHEN coalesce(e.country_lv, '') <> '' OR coalesce(e.country_en, '') <> ''
					THEN jsonb_strip_nulls(jsonb_build_object('lv', e.country_lv, 'en', e.country_en)) END,
				'month', e.planned_month, 'representatives', e.planned_representatives
			)) ORDER BY e.number)
			FROM mobility_events e WHERE e.project_id = p.id), '[]'::jsonb),
		'plannedMobilities', p.planned_mobilities,
		'goal', jsonb_build_object('lv', p.goal_lv, 'en', p.goal_en),
		'activities', CASE WHEN p.activities_lv <> '' OR p.activities_en <> ''
			THEN jsonb_build_object('lv', p.activities_lv, 'en', p.activities_en) END,
		'classification', p.classification
	)),
	p.decision_date, p.decision_number, 'system', p.created_at, 'system', p.created_at
FROM projects p;
