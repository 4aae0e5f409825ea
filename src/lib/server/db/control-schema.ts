/**
 * The auditor's control: a finding on each expense (its current state and the thread that led
 * there), the editable list of reasons for a deduction, the evidence files that answer a query,
 * reproducible samples, and the reporting periods a project has closed. The thread, the samples
 * and the periods are kept as written (triggers in migration 0014); the current state of a
 * finding is the one row that changes, and every change to it also adds an entry to the thread.
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique
} from 'drizzle-orm/pg-core';
import { expenses, sourceFiles } from './import-schema';
import { projects } from './schema';

/** An expense with no finding row is "not checked". */
export const findingState = pgEnum('finding_state', ['verified', 'queried', 'ineligible']);

/**
 * What an entry of a finding's thread did: the auditor's verify, query, deduct (ineligible in
 * full or in part), close (a query, accepted) or keep (a query, asked again) and clear (back to
 * not checked); the coordinator's answer.
 */
export const findingAction = pgEnum('finding_action', [
	'verify',
	'query',
	'deduct',
	'answer',
	'close',
	'keep',
	'clear'
]);

export const sampleMethod = pgEnum('sample_method', ['random', 'mus']);
export const sampleStrata = pgEnum('sample_strata', ['none', 'year', 'category', 'event']);

/** Reasons a deduction can name; auditors edit the list, and a reason in use is retired, not deleted. */
export const controlReasons = pgTable('control_reasons', {
	code: text('code').primaryKey(),
	labelLv: text('label_lv').notNull(),
	labelEn: text('label_en').notNull(),
	position: integer('position').notNull(),
	active: boolean('active').notNull().default(true),
	updatedBy: text('updated_by').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** The current finding on an expense; the figures read these few rows. */
export const expenseFindings = pgTable(
	'expense_findings',
	{
		expenseId: bigint('expense_id', { mode: 'number' })
			.primaryKey()
			.references(() => expenses.id),
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		state: findingState('state').notNull(),
		/** What is taken off the declared amount: the whole of it, a part, or 0 (not ineligible). */
		deductedCents: bigint('deducted_cents', { mode: 'number' }).notNull().default(0),
		reasonCode: text('reason_code').references(() => controlReasons.code),
		/** The auditor's free text with a deduction, or the open question of a query. */
		note: text('note'),
		/** Bumped on every change; a form sends it back to catch concurrent findings. */
		version: integer('version').notNull().default(1),
		updatedBy: text('updated_by').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('expense_findings_project').on(t.projectId, t.state),
		check('expense_findings_deduction', sql`${t.deductedCents} >= 0`),
		check(
			'expense_findings_ineligible',
			sql`(${t.state} = 'ineligible') = (${t.deductedCents} > 0)`
		)
	]
);

/** A finding's thread, oldest first: every finding, question, answer and decision, kept as written. */
export const findingEntries = pgTable(
	'finding_entries',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		expenseId: bigint('expense_id', { mode: 'number' })
			.notNull()
			.references(() => expenses.id),
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		action: findingAction('action').notNull(),
		/** The state the entry left the finding in; null: not checked (after a clear). */
		state: findingState('state'),
		deductedCents: bigint('deducted_cents', { mode: 'number' }).notNull().default(0),
		reasonCode: text('reason_code').references(() => controlReasons.code),
		/** The question, the answer, or the auditor's note. */
		text: text('text'),
		createdBy: text('created_by').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('finding_entries_expense').on(t.expenseId, t.id)]
);

/** Files an entry (a coordinator's answer) brings, kept byte for byte like originals. */
export const findingEvidence = pgTable(
	'finding_evidence',
	{
		entryId: bigint('entry_id', { mode: 'number' })
			.notNull()
			.references(() => findingEntries.id),
		fileId: text('file_id')
			.notNull()
			.references(() => sourceFiles.id),
		position: integer('position').notNull()
	},
	(t) => [primaryKey({ columns: [t.entryId, t.fileId] })]
);

/**
 * A sample as drawn: the method, the seed and every parameter, and the population it was drawn
 * from (its size, total and a hash of its rows), so that anyone can draw it again and see the
 * same rows, or see that the population has changed since.
 */
export const controlSamples = pgTable(
	'control_samples',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		/** 1, 2, … per project. */
		number: integer('number').notNull(),
		method: sampleMethod('method').notNull(),
		strata: sampleStrata('strata').notNull(),
		size: integer('size').notNull(),
		seed: text('seed').notNull(),
		/** Everything else that chose the population or the draw (a date range, say). */
		params: jsonb('params').notNull(),
		populationRows: integer('population_rows').notNull(),
		populationCents: bigint('population_cents', { mode: 'number' }).notNull(),
		populationSha256: text('population_sha256').notNull(),
		drawnBy: text('drawn_by').notNull(),
		drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('control_samples_project_number').on(t.projectId, t.number)]
);

export const controlSampleItems = pgTable(
	'control_sample_items',
	{
		sampleId: integer('sample_id')
			.notNull()
			.references(() => controlSamples.id),
		/** 1, 2, … in the order drawn. */
		position: integer('position').notNull(),
		expenseId: bigint('expense_id', { mode: 'number' })
			.notNull()
			.references(() => expenses.id),
		/** The stratum the row was drawn in ('' when not stratified). */
		stratum: text('stratum').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.sampleId, t.position] }),
		unique('control_sample_items_once').on(t.sampleId, t.expenseId)
	]
);

/**
 * A closed reporting period: no import may add, change or revert a row dated in it. Reopening
 * fills the reopen columns once, with a reason; the row itself stays.
 */
export const closedPeriods = pgTable(
	'closed_periods',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		/** YYYY-MM-DD, both days included. */
		starts: date('starts', { mode: 'string' }).notNull(),
		ends: date('ends', { mode: 'string' }).notNull(),
		reason: text('reason'),
		closedBy: text('closed_by').notNull(),
		closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
		reopenedBy: text('reopened_by'),
		reopenedAt: timestamp('reopened_at', { withTimezone: true }),
		reopenReason: text('reopen_reason')
	},
	(t) => [
		index('closed_periods_project').on(t.projectId),
		check('closed_periods_order', sql`${t.starts} <= ${t.ends}`)
	]
);

/**
 * Until when a project's records must be kept, when set by hand (null: the default, five years
 * from 31 December of the year of the last payment), and why it was changed.
 */
export const projectRetention = pgTable('project_retention', {
	projectId: integer('project_id')
		.primaryKey()
		.references(() => projects.id, { onDelete: 'cascade' }),
	keepUntil: date('keep_until', { mode: 'string' }).notNull(),
	reason: text('reason').notNull(),
	updatedBy: text('updated_by').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
