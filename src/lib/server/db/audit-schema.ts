/**
 * The audit log: append-only (a trigger refuses UPDATE and DELETE), and each event carries the
 * keyed hash (HMAC) of itself and the one before it, so an edit or a deletion made around the
 * trigger is still found, and re-chaining with a public hash does not pass.
 */
import { bigint, jsonb, pgTable, text, timestamp, index } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
	'audit_events',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		/** The event's place in the chain, 1, 2, 3…: unlike the id, it has no gaps, so it counts. */
		seq: bigint('seq', { mode: 'number' }).notNull().unique(),
		at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
		actorId: text('actor_id'),
		actorEmail: text('actor_email').notNull(),
		/** What happened, e.g. `project.update`, `auth.sign-in`. */
		action: text('action').notNull(),
		objectType: text('object_type').notNull(),
		objectId: text('object_id').notNull(),
		before: jsonb('before'),
		after: jsonb('after'),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull().unique()
	},
	(t) => [
		index('audit_events_object').on(t.objectType, t.objectId),
		index('audit_events_actor').on(t.actorEmail),
		index('audit_events_at').on(t.at)
	]
);
