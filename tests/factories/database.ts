/**
 * Fresh databases for tests: an in-memory PGlite always, and a new database on the PostgreSQL
 * server at TEST_DATABASE_URL when it is set. Each suite gets its own, so runs never collide.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import {
	openMemoryPglite,
	openPostgres,
	type DatabaseHandle,
	type Engine
} from '../../src/lib/server/db';

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** The engines the db suites run on; CI sets TEST_DATABASE_URL, so it runs both. */
export const ENGINES: Engine[] = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

async function adminQuery(statement: string): Promise<void> {
	const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(statement);
	} finally {
		await admin.end({ timeout: 5 });
	}
}

export async function freshDatabase(engine: Engine): Promise<DatabaseHandle> {
	if (engine === 'pglite') return openMemoryPglite();
	if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
	const name = `cofund_test_${process.pid}_${randomBytes(4).toString('hex')}`;
	await adminQuery(`create database "${name}"`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openPostgres(url.toString());
	return {
		...handle,
		location: name,
		close: async () => {
			await handle.close();
			await adminQuery(`drop database if exists "${name}" with (force)`);
		}
	};
}
