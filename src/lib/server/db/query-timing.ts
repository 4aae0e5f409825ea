/**
 * Counts each query's time toward the request it runs for (see timing/request-timing.ts), on
 * either engine, by wrapping the one client method drizzle sends plain queries through: PGlite's
 * `query`, postgres.js's `unsafe`. Only when Server-Timing is on; otherwise the clients are left
 * as they are.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import { currentTiming, serverTimingOn, timeQuery } from '../timing/request-timing';

export function timePgliteQueries(client: PGlite): void {
	if (!serverTimingOn()) return;
	const query = client.query.bind(client);
	client.query = ((...args: Parameters<PGlite['query']>) =>
		Promise.resolve(timeQuery(query(...args)))) as PGlite['query'];
}

export function timePostgresQueries(client: Sql): void {
	if (!serverTimingOn()) return;
	const unsafe = client.unsafe.bind(client);
	client.unsafe = ((...args: Parameters<Sql['unsafe']>) => {
		// The query itself goes back to drizzle, which may still ask it for `.values()`: it is only
		// sent a tick after it is made, so watching it here changes nothing of what is sent.
		const pending = unsafe(...args);
		const timing = currentTiming();
		if (timing) {
			timing.queryStarted();
			pending.then(
				() => timing.queryEnded(),
				() => timing.queryEnded()
			);
		}
		return pending;
	}) as Sql['unsafe'];
}
