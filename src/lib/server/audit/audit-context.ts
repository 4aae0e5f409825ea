/**
 * Which audit key and anchor file belong to a database handle, and the anchoring of the chain's
 * head after every transaction that wrote an event. Drizzle has no after-commit hook, so the
 * handle's `transaction` is wrapped: the head is anchored once the work has committed, never for
 * an event that was rolled back.
 */
import { desc } from 'drizzle-orm';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { Database, Queryable, Transaction } from '../db';
import { auditEvents } from '../db/audit-schema';
import { appendAnchor, type AuditHead } from './audit-anchor';
import { GENESIS_HASH } from './audit-hash';
import type { AuditKey } from './audit-key';

export interface AuditSetup {
	key: AuditKey;
	/** The append-only file the head is anchored in; null for throwaway test databases. */
	anchorPath: string | null;
}

interface Session {
	db: Database;
	wrote: boolean;
}

const setups = new WeakMap<Database, AuditSetup>();
const sessions = new WeakMap<Transaction, Session>();
/** The head this process last anchored, per database, so an unchanged head is not written twice. */
const anchored = new WeakMap<Database, string>();

export class AuditNotBoundError extends Error {
	constructor() {
		super(
			'audit events can only be written in a transaction of a database opened with an audit key'
		);
		this.name = 'AuditNotBoundError';
	}
}

function track(tx: Transaction, session: Session): void {
	sessions.set(tx, session);
	const savepoint = tx.transaction.bind(tx);
	tx.transaction = <T>(work: (inner: Transaction) => Promise<T>) =>
		savepoint((inner) => {
			track(inner, session);
			return work(inner);
		});
}

/** Gives a database its key and anchor; binding again (a test's own anchor) replaces them. */
export function bindAudit(db: Database, setup: AuditSetup): void {
	const first = !setups.has(db);
	setups.set(db, setup);
	if (!first) return;
	const transaction = db.transaction.bind(db);
	db.transaction = async <T>(
		work: (tx: Transaction) => Promise<T>,
		config?: PgTransactionConfig
	): Promise<T> => {
		const session: Session = { db, wrote: false };
		const result = await transaction((tx) => {
			track(tx, session);
			return work(tx);
		}, config);
		if (session.wrote) await anchorHead(db);
		return result;
	};
}

export function auditSetupOf(db: Queryable): AuditSetup {
	const setup = setups.get(sessions.get(db as Transaction)?.db ?? (db as Database));
	if (!setup) throw new AuditNotBoundError();
	return setup;
}

/** For recordAudit: the key, and a note that this transaction's commit must be anchored. */
export function auditWriterOf(tx: Transaction): AuditSetup {
	const session = sessions.get(tx);
	if (!session) throw new AuditNotBoundError();
	session.wrote = true;
	return auditSetupOf(session.db);
}

export async function currentHead(db: Queryable): Promise<AuditHead> {
	const [last] = await db
		.select({ seq: auditEvents.seq, hash: auditEvents.hash })
		.from(auditEvents)
		.orderBy(desc(auditEvents.seq))
		.limit(1);
	return last ? { events: last.seq, hash: last.hash } : { events: 0, hash: GENESIS_HASH };
}

/**
 * Appends the committed head to the anchor file. The commit has happened already, so a failure
 * here cannot undo it: it is said loudly, and the next write anchors a head that covers this one.
 */
export async function anchorHead(db: Database): Promise<void> {
	const setup = setups.get(db);
	if (!setup?.anchorPath) return;
	try {
		const head = await currentHead(db);
		const line = `${head.events} ${head.hash}`;
		if (anchored.get(db) === line) return;
		await appendAnchor(setup.anchorPath, head, setup.key.id);
		anchored.set(db, line);
	} catch (error) {
		console.error(`cofund: could not anchor the audit head in ${setup.anchorPath}:`, error);
	}
}
