/**
 * Accepted rows on their way to the database: their shape with the row key, and the array
 * literal that sends a column of thousands of them as one parameter (spread by unnest).
 */
import type { ExpenseRecord, ParticipationRecord } from '$lib/domain/import/classify';

/** A PostgreSQL array literal: sent as one text parameter, so no batch hits the parameter limit. */
export function pgArray(values: readonly (string | number | null)[]): string {
	let out = '{';
	for (let i = 0; i < values.length; i++) {
		const value = values[i] ?? null;
		if (i) out += ',';
		if (value === null) out += 'NULL';
		else if (typeof value === 'number') out += value;
		else if (value.includes('"') || value.includes('\\'))
			out += '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
		else out += '"' + value + '"';
	}
	return out + '}';
}

interface Keyed {
	line: number;
	rowKey: string;
}

export type ExpenseRow = Keyed & { occurrence: number; record: ExpenseRecord };
export type ParticipationRow = Keyed & { record: ParticipationRecord };
