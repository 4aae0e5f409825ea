/**
 * Drafts of new projects: a half-filled editor form kept as it stands, valid or not, by and for
 * one user, until it is continued into a project or discarded.
 */
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth-schema';

export const projectDrafts = pgTable(
	'project_drafts',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The code and title as typed so far, to name the draft in the list; may be blank. */
		code: text('code').notNull(),
		title: text('title').notNull(),
		/** The editor's working copy, as the form held it. */
		form: jsonb('form').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('project_drafts_user').on(t.userId, t.updatedAt)]
);
