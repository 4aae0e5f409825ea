/**
 * What the office writes itself rather than imports: the final report's narratives (per event
 * and for the whole project, in LV and EN) and the instance's letterhead (the municipality's
 * name and logo, one row for the whole instance). Documents read both into their fingerprint.
 */
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './import-schema';
import { projects } from './schema';

/**
 * One narrative text of a project's final report. `event_number` 0 is the project as a whole
 * (sections `results` and `dissemination`); an event's sections are `happened`, `results` and
 * `countries`. A section cleared in both languages is deleted, so no empty row stays behind.
 */
export const reportNarratives = pgTable(
	'report_narratives',
	{
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		eventNumber: integer('event_number').notNull(),
		section: text('section').notNull(),
		textLv: text('text_lv').notNull(),
		textEn: text('text_en').notNull(),
		updatedBy: text('updated_by').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true })
			.notNull()
			.default(sql`now()`)
	},
	(t) => [
		primaryKey({ columns: [t.projectId, t.eventNumber, t.section] }),
		check('report_narratives_event', sql`${t.eventNumber} >= 0`),
		check(
			'report_narratives_section',
			sql`${t.section} in ('happened', 'results', 'countries', 'dissemination')`
		)
	]
);

/** The instance's letterhead: a single row (id 1), set by an admin. */
export const officeSettings = pgTable(
	'office_settings',
	{
		id: integer('id').primaryKey().default(1),
		nameLv: text('name_lv').notNull(),
		nameEn: text('name_en').notNull(),
		/** image/png or image/jpeg, or null with no logo. */
		logoType: text('logo_type'),
		logo: bytea('logo'),
		updatedBy: text('updated_by').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true })
			.notNull()
			.default(sql`now()`)
	},
	(t) => [
		check('office_settings_single', sql`${t.id} = 1`),
		check(
			'office_settings_logo',
			sql`(${t.logo} is null) = (${t.logoType} is null) and (${t.logoType} is null or ${t.logoType} in ('image/png', 'image/jpeg'))`
		)
	]
);
