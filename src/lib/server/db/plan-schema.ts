/**
 * Plan versions: every plan a project has had, each as the whole definition it was, with the
 * council decision that adopted it. Adopted versions are immutable (a trigger refuses to change
 * or delete them); drafts are versions no decision has adopted yet, and stay editable.
 */
import { sql } from 'drizzle-orm';
import {
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	unique,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import type { ProjectDefinition } from '../../domain/project/definition';
import { projects } from './schema';

export const planVersionStatus = pgEnum('plan_version_status', ['draft', 'submitted', 'adopted']);
export const planVersionKind = pgEnum('plan_version_kind', ['adoption', 'amendment', 'correction']);

export const planVersions = pgTable(
	'plan_versions',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		/** 1, 2, … in the order the versions were recorded, per project. */
		number: integer('number').notNull(),
		status: planVersionStatus('status').notNull(),
		kind: planVersionKind('kind').notNull(),
		/** The whole definition as adopted (for a draft: as proposed so far). */
		definition: jsonb('definition').$type<ProjectDefinition>().notNull(),
		/**
		 * The adopting decision, copied out of the definition so that the register can be queried;
		 * null for a draft. A correction carries the decision whose record it corrects.
		 */
		decisionDate: date('decision_date', { mode: 'string' }),
		decisionNumber: text('decision_number'),
		/** The version a draft, an amendment or a correction was made from. */
		basedOn: integer('based_on'),
		/** Why: the coordinator's words, or the proposal a draft was accepted from. */
		note: text('note'),
		createdBy: text('created_by').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		adoptedBy: text('adopted_by'),
		adoptedAt: timestamp('adopted_at', { withTimezone: true })
	},
	(t) => [
		unique('plan_versions_project_number').on(t.projectId, t.number),
		// One version per decision; a correction shares its decision with the version it corrects.
		uniqueIndex('plan_versions_one_per_decision')
			.on(t.projectId, t.decisionDate, t.decisionNumber)
			.where(sql`status = 'adopted' and kind <> 'correction'`),
		index('plan_versions_decision').on(t.decisionDate)
	]
);
