/** The database tables, one Drizzle schema for PGlite and PostgreSQL. Money is integer cents. */
import { sql } from 'drizzle-orm';
import {
	bigint,
	check,
	date,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique
} from 'drizzle-orm/pg-core';
import type { ProjectDefinition } from '../../domain/project/definition';

const cents = (name: string) => bigint(name, { mode: 'number' }).notNull();

export const projects = pgTable(
	'projects',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		code: text('code').notNull().unique(),
		titleLv: text('title_lv').notNull(),
		titleEn: text('title_en').notNull(),
		currency: text('currency').notNull().default('EUR'),
		programmeLv: text('programme_lv').notNull(),
		programmeEn: text('programme_en').notNull(),
		periodStart: date('period_start', { mode: 'string' }).notNull(),
		periodEnd: date('period_end', { mode: 'string' }).notNull(),
		decisionBodyLv: text('decision_body_lv').notNull(),
		decisionBodyLvGenitive: text('decision_body_lv_genitive').notNull(),
		decisionBodyEn: text('decision_body_en').notNull(),
		decisionDate: date('decision_date', { mode: 'string' }).notNull(),
		decisionNumber: text('decision_number').notNull(),
		decisionAnnex: integer('decision_annex').notNull(),
		totalCents: cents('total_cents'),
		euCents: cents('eu_cents'),
		councilCents: cents('council_cents'),
		plannedMobilities: integer('planned_mobilities'),
		goalLv: text('goal_lv').notNull(),
		goalEn: text('goal_en').notNull(),
		activitiesLv: text('activities_lv').notNull(),
		activitiesEn: text('activities_en').notNull(),
		/** The project's own names of classification codes, as the definition lists them. */
		classification:
			jsonb('classification').$type<NonNullable<ProjectDefinition['classification']>>(),
		/** Bumped on every change; the editor sends it back to catch concurrent edits. */
		version: integer('version').notNull().default(1),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('projects_code_format', sql`${t.code} ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'`)]
);

export const partnerRole = pgEnum('partner_role', ['lead', 'partner']);

export const partners = pgTable(
	'project_partners',
	{
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		role: partnerRole('role').notNull(),
		/** Order as in the application; the lead partner is 0. */
		position: integer('position').notNull(),
		name: text('name').notNull(),
		nameEn: text('name_en'),
		localName: text('local_name'),
		city: text('city'),
		country: text('country').notNull(),
		countryLv: text('country_lv'),
		countryEn: text('country_en')
	},
	(t) => [primaryKey({ columns: [t.projectId, t.role, t.position] })]
);

export const yearPlans = pgTable(
	'year_plans',
	{
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		prefinancingCents: cents('prefinancing_cents'),
		cofinancingCents: cents('cofinancing_cents')
	},
	(t) => [primaryKey({ columns: [t.projectId, t.year] })]
);

export const mobilityEvents = pgTable(
	'mobility_events',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		titleLv: text('title_lv'),
		titleEn: text('title_en'),
		city: text('city'),
		country: text('country').notNull(),
		countryLv: text('country_lv'),
		countryEn: text('country_en'),
		plannedMonth: text('planned_month').notNull(),
		plannedRepresentatives: integer('planned_representatives').notNull()
	},
	(t) => [
		unique('mobility_events_project_number').on(t.projectId, t.number),
		check('mobility_events_month_format', sql`${t.plannedMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
	]
);

export * from './auth-schema';
export * from './audit-schema';
export * from './import-schema';
export * from './document-schema';
export * from './draft-schema';
export * from './report-schema';
export * from './plan-schema';
export * from './control-schema';

/**
 * Each project's data version (migration 0017): triggers change it in the same transaction as
 * anything the project's pages show, so figures cached under it are known stale on any instance.
 */
export const dataVersions = pgTable('data_versions', {
	projectId: integer('project_id').primaryKey(),
	version: bigint('version', { mode: 'number' }).notNull()
});
