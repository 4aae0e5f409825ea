/**
 * Document templates and the documents made from them. A template version is never changed: an
 * edit adds a version. A document row is never changed either (a trigger refuses UPDATE and
 * DELETE): it keeps the PDF's SHA-256 and size (its bytes in pieces), the template version, the
 * parameters, and the data snapshot whose hash is the fingerprint. A version that failed to
 * render is marked in a table of its own, since the version itself is never changed.
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	foreignKey,
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
import { bytea } from './import-schema';
import { projects } from './schema';

/** Where a version came from: the default file in templates/, or an edit in the app. */
export const templateOrigin = pgEnum('template_origin', ['file', 'edit']);

export const templateVersions = pgTable(
	'template_versions',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		templateId: text('template_id').notNull(),
		version: integer('version').notNull(),
		origin: templateOrigin('origin').notNull(),
		source: text('source').notNull(),
		sha256: text('sha256').notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true })
			.notNull()
			.default(sql`now()`)
	},
	(t) => [unique('template_versions_number').on(t.templateId, t.version)]
);

/**
 * A template version that failed while a document was rendered from it: its text hit the
 * render budget or an error, or its render ran out of the worker's memory or time. Documents
 * are then made from the newest version without a mark until someone saves a fixed one.
 */
export const templateFailures = pgTable(
	'template_failures',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		templateId: text('template_id').notNull(),
		version: integer('version').notNull(),
		/** budget, template (an error in its text), memory or timeout. */
		kind: text('kind').notNull(),
		/** The problem as the engine said it, in English; pages say it in the reader's language. */
		problem: text('problem').notNull(),
		line: integer('line'),
		/** The budget's or the worker's limit that was hit, when one was. */
		limitName: text('limit_name'),
		limitValue: bigint('limit_value', { mode: 'number' }),
		project: text('project').notNull(),
		lang: text('lang').notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true })
			.notNull()
			.default(sql`now()`)
	},
	(t) => [
		foreignKey({
			name: 'template_failures_version',
			columns: [t.templateId, t.version],
			foreignColumns: [templateVersions.templateId, templateVersions.version]
		}),
		index('template_failures_template').on(t.templateId, t.version)
	]
);

export const documents = pgTable(
	'documents',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id),
		templateId: text('template_id').notNull(),
		templateVersion: integer('template_version').notNull(),
		lang: text('lang').notNull(),
		/** The document's own inputs besides the data: its date, and anything the form adds. */
		parameters: jsonb('parameters').notNull(),
		/** SHA-256 of the canonical JSON of the data snapshot below. */
		fingerprint: text('fingerprint').notNull(),
		/** The data the document was made from, canonical JSON, gzip'd: what a check compares to. */
		snapshot: bytea('snapshot').notNull(),
		sha256: text('sha256').notNull().unique(),
		/** The PDF of a document kept before PDFs were kept in pieces (0018); null since. */
		pdf: bytea('pdf'),
		/** Names the PDF's pieces (see below); null for a document whose PDF is in `pdf`. */
		pdfId: text('pdf_id').unique(),
		bytes: bigint('bytes', { mode: 'number' }).notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true })
			.notNull()
			.default(sql`now()`)
	},
	(t) => [index('documents_project').on(t.projectId, t.createdAt)]
);

/**
 * A document's PDF in pieces, each written on its own before the transaction that publishes the
 * document (see documents/pdf-pieces.ts). The database refuses to publish a document whose pieces
 * are not whole, and keeps a published document's pieces as made.
 */
export const documentPieces = pgTable(
	'document_pieces',
	{
		pdfId: text('pdf_id').notNull(),
		seq: integer('seq').notNull(),
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id),
		bytes: bytea('bytes').notNull()
	},
	(t) => [primaryKey({ name: 'document_pieces_pk', columns: [t.pdfId, t.seq] })]
);

/** A PDF whose pieces are being written; what a maker that did not finish left is swept. */
export const documentUploads = pgTable('document_uploads', {
	pdfId: text('pdf_id').primaryKey(),
	projectId: integer('project_id')
		.notNull()
		.references(() => projects.id),
	startedAt: timestamp('started_at', { withTimezone: true })
		.notNull()
		.default(sql`now()`)
});
