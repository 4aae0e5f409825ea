/**
 * Document templates and the documents made from them. A template version is never changed: an
 * edit adds a version. A document row is never changed either (a trigger refuses UPDATE and
 * DELETE): it keeps the PDF's bytes and SHA-256, the template version, the parameters, and the
 * data snapshot whose hash is the fingerprint.
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
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
		pdf: bytea('pdf').notNull(),
		bytes: bigint('bytes', { mode: 'number' }).notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true })
			.notNull()
			.default(sql`now()`)
	},
	(t) => [index('documents_project').on(t.projectId, t.createdAt)]
);
