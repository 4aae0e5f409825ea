/**
 * Which judged rows the project has already, looked up a batch at a time through the identity
 * keys' own indexes: one short read per few thousand rows, outside any transaction, so that a
 * check never holds the database while it reads a file. A commit asks the same before it stages,
 * and its transaction lets the unique keys have the last word.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../db';
import { pgArray } from './row-arrays';

/** The keys among `rowKeys` with a live expense, each with the occurrences that are there. */
export async function liveExpenseKeys(
	db: Queryable,
	projectId: number,
	rowKeys: readonly string[]
): Promise<Map<string, Set<number>>> {
	const found = new Map<string, Set<number>>();
	if (!rowKeys.length) return found;
	const rows = await queryRows<{ key: string; occurrence: number }>(
		db,
		sql`select row_key as key, occurrence from expenses
		where project_id = ${projectId} and reverted_at is null
			and row_key = any(${pgArray([...new Set(rowKeys)])}::text[])`
	);
	for (const row of rows) {
		let occurrences = found.get(row.key);
		if (!occurrences) found.set(row.key, (occurrences = new Set()));
		occurrences.add(Number(row.occurrence));
	}
	return found;
}

/** The keys among `rowKeys` with a live trip. */
export async function liveTripKeys(
	db: Queryable,
	projectId: number,
	rowKeys: readonly string[]
): Promise<Set<string>> {
	if (!rowKeys.length) return new Set();
	const rows = await queryRows<{ key: string }>(
		db,
		sql`select row_key as key from participations
		where project_id = ${projectId} and reverted_at is null
			and row_key = any(${pgArray([...new Set(rowKeys)])}::text[])`
	);
	return new Set(rows.map((row) => row.key));
}
