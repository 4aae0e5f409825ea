/**
 * Imported actuals and their audit material: the original files byte for byte (in 1 MiB chunks,
 * so no file is ever held whole in memory), the batches that loaded them, and the rows, each
 * knowing its batch and source line. Row identity is enforced by unique keys, not by JavaScript.
 * What was imported is never changed or deleted (triggers in migration 0008): a revert only marks
 * a batch and its rows reverted, and the identity keys and every sum cover the live rows only.
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	customType,
	date,
	foreignKey,
	type AnyPgColumn,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { projects } from './schema';

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

export const importKind = pgEnum('import_kind', ['expenses', 'participation']);
export const fundingSource = pgEnum('funding_source', ['eu', 'council']);
export const participationStatus = pgEnum('participation_status', ['done', 'cancelled']);

export const sourceFiles = pgTable('source_files', {
	id: text('id').primaryKey(),
	projectId: integer('project_id')
		.notNull()
		.references(() => projects.id, { onDelete: 'cascade' }),
	name: text('name').notNull(),
	size: bigint('size', { mode: 'number' }).notNull(),
	sha256: text('sha256').notNull(),
	uploadedBy: text('uploaded_by').notNull(),
	uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow()
});

export const sourceFileChunks = pgTable(
	'source_file_chunks',
	{
		fileId: text('file_id')
			.notNull()
			.references(() => sourceFiles.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		bytes: bytea('bytes').notNull()
	},
	(t) => [primaryKey({ columns: [t.fileId, t.seq] })]
);

export const importBatches = pgTable(
	'import_batches',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		kind: importKind('kind').notNull(),
		sourceFileId: text('source_file_id')
			.notNull()
			.references(() => sourceFiles.id),
		fileName: text('file_name').notNull(),
		sha256: text('sha256').notNull(),
		size: bigint('size', { mode: 'number' }).notNull(),
		/** The mapping profile as given (may be empty), and the dialect it resolved to. */
		profile: jsonb('profile').notNull(),
		dialect: jsonb('dialect').notNull(),
		/** The full accounting report, as shown before commit. */
		report: jsonb('report').notNull(),
		records: integer('records').notNull(),
		accepted: integer('accepted').notNull(),
		rejected: integer('rejected').notNull(),
		setAside: integer('set_aside').notNull(),
		acceptedCents: bigint('accepted_cents', { mode: 'number' }).notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		revertedBy: text('reverted_by'),
		revertedAt: timestamp('reverted_at', { withTimezone: true })
	},
	(t) => [
		index('import_batches_project').on(t.projectId, t.createdAt),
		// The target of the rows' one foreign key: a row's batch, and that it is of the row's project.
		unique('import_batches_id_project').on(t.id, t.projectId)
	]
);

/**
 * One composite key instead of two: it checks the batch and that the row is of the batch's
 * project at once, so a million-row import pays for one lookup per row, not two.
 */
const rowsBatch = (name: string, t: { batchId: AnyPgColumn; projectId: AnyPgColumn }) =>
	foreignKey({
		name,
		columns: [t.batchId, t.projectId],
		foreignColumns: [importBatches.id, importBatches.projectId]
	});

export const expenses = pgTable(
	'expenses',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		projectId: integer('project_id').notNull(),
		batchId: integer('batch_id').notNull(),
		line: integer('line').notNull(),
		/** Hash of what the source line says; see docs in the import pipeline. */
		rowKey: text('row_key').notNull(),
		/** 1 for the first line with this key in its file, 2 for an identical second line, … */
		occurrence: integer('occurrence').notNull(),
		date: date('date', { mode: 'string' }).notNull(),
		amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
		currency: text('currency').notNull(),
		documentNumber: text('document_number').notNull(),
		payee: text('payee').notNull(),
		description: text('description').notNull(),
		category: text('category').notNull(),
		eventNumber: integer('event_number'),
		fundingSource: fundingSource('funding_source'),
		/** Set once, by the revert of its batch; a reverted row counts nowhere but stays. */
		revertedAt: timestamp('reverted_at', { withTimezone: true })
	},
	(t) => [
		rowsBatch('expenses_batch_fk', t),
		// Only live rows have an identity: a reverted row may be imported again.
		uniqueIndex('expenses_identity')
			.on(t.projectId, t.rowKey, t.occurrence)
			.where(sql`reverted_at is null`),
		index('expenses_batch').on(t.batchId),
		index('expenses_project_date')
			.on(t.projectId, t.date)
			.where(sql`reverted_at is null`)
	]
);

export const participations = pgTable(
	'participations',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		projectId: integer('project_id').notNull(),
		batchId: integer('batch_id').notNull(),
		line: integer('line').notNull(),
		rowKey: text('row_key').notNull(),
		person: text('person').notNull(),
		position: text('position').notNull(),
		eventNumber: integer('event_number'),
		city: text('city').notNull(),
		country: text('country'),
		departure: date('departure', { mode: 'string' }).notNull(),
		returnDate: date('return_date', { mode: 'string' }),
		orderNumber: text('order_number').notNull(),
		status: participationStatus('status').notNull(),
		/** Set once, by the revert of its batch; a reverted trip counts nowhere but stays. */
		revertedAt: timestamp('reverted_at', { withTimezone: true })
	},
	(t) => [
		rowsBatch('participations_batch_fk', t),
		uniqueIndex('participations_identity')
			.on(t.projectId, t.rowKey)
			.where(sql`reverted_at is null`),
		index('participations_batch').on(t.batchId)
	]
);

export const mappingProfiles = pgTable('mapping_profiles', {
	id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
	name: text('name').notNull().unique(),
	kind: importKind('kind').notNull(),
	profile: jsonb('profile').notNull(),
	updatedBy: text('updated_by').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true })
		.notNull()
		.default(sql`now()`)
});

/**
 * Expense sums per project, month, classification code and event, kept up to date by every
 * import and revert in the same transaction: the dashboards read these few rows, so a project's
 * dashboard costs the same with a thousand rows or a million. Event 0 means "no event".
 */
export const expenseSums = pgTable(
	'expense_sums',
	{
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		month: text('month').notNull(),
		category: text('category').notNull(),
		event: integer('event').notNull(),
		cents: bigint('cents', { mode: 'number' }).notNull(),
		rows: integer('rows').notNull()
	},
	(t) => [primaryKey({ columns: [t.projectId, t.month, t.category, t.event] })]
);

/**
 * Rows judged new, staged by an import before its commit: the judging and the look-ups of rows
 * already there run outside the commit's transaction, and the transaction then moves the staged
 * rows in with one statement. Unlogged (nothing here needs to survive a crash) and keyed by the
 * run; a run removes its own rows, a crashed one's are swept (see stage-rows.ts).
 */
const stagedColumns = {
	runId: text('run_id').notNull(),
	line: integer('line').notNull(),
	rowKey: text('row_key').notNull(),
	/** The event could not be placed: the report lists the row, so a raced duplicate unlists it. */
	unmatched: boolean('unmatched').notNull(),
	stagedAt: timestamp('staged_at', { withTimezone: true }).notNull().defaultNow()
};

export const stagedExpenses = pgTable('staged_expenses', {
	...stagedColumns,
	occurrence: integer('occurrence').notNull(),
	date: date('date', { mode: 'string' }).notNull(),
	amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
	currency: text('currency').notNull(),
	documentNumber: text('document_number').notNull(),
	payee: text('payee').notNull(),
	description: text('description').notNull(),
	category: text('category').notNull(),
	eventNumber: integer('event_number'),
	fundingSource: fundingSource('funding_source')
});

export const stagedParticipations = pgTable('staged_participations', {
	...stagedColumns,
	person: text('person').notNull(),
	position: text('position').notNull(),
	eventNumber: integer('event_number'),
	city: text('city').notNull(),
	country: text('country'),
	departure: date('departure', { mode: 'string' }).notNull(),
	returnDate: date('return_date', { mode: 'string' }),
	orderNumber: text('order_number').notNull(),
	status: participationStatus('status').notNull()
});
