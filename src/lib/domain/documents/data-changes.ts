/**
 * What changed between the data a document was made from and the data now: plan fields that
 * differ, and expense rows and trips added, removed or changed, told apart by their identity
 * keys and summed per year (expenses) or per event (trips), with the rows' files and lines.
 */
import canonicalize from 'canonicalize';
import { controlChanges, type ControlChange } from './control-changes';
import type { DocumentData, ExpenseRecord, TripRecord } from './document-data';

export interface RowRef {
	file: string;
	line: number;
}

export type DataChange =
	/**
	 * A plan value that differs, at a path such as `funding.eu`, `partners[2].city` or
	 * `events[number=3].month`; a whole item added or removed has null on the other side.
	 */
	| { part: 'plan'; field: string; before: unknown; after: unknown }
	| {
			part: 'expenses';
			change: 'added' | 'removed' | 'changed';
			year: number;
			count: number;
			/** The sum of the rows added or removed; for changed rows, after minus before. */
			cents: number;
			rows: RowRef[];
	  }
	| {
			part: 'trips';
			change: 'added' | 'removed' | 'changed';
			event: number | null;
			count: number;
			rows: RowRef[];
	  }
	/** The report's narrative texts, or the letterhead (name or logo), differ. */
	| { part: 'texts'; what: 'narratives' | 'letterhead' | 'periods' }
	/** The auditor's findings, samples, or the reasons' and people's names (control-changes.ts). */
	| ControlChange;

/** Rows named per change; the counts and sums always cover them all. */
const ROWS_SHOWN = 10;

/**
 * Lists whose items have an identity of their own: a year plan is its year, an event its
 * number. Their items are matched by it (`funding.years[year=2019]`), so that adding a year or
 * an event names that one, not every item after it; other lists are matched by position.
 */
const KEYED_LISTS: Record<string, string> = { 'funding.years': 'year', events: 'number' };

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The list's items by their identity, or null when some item has none or shares one. */
function byKey(list: unknown[], key: string): Map<string, unknown> | null {
	const items = new Map<string, unknown>();
	for (const item of list) {
		const id = isObject(item) ? item[key] : undefined;
		if ((typeof id !== 'number' && typeof id !== 'string') || items.has(String(id))) return null;
		items.set(String(id), item);
	}
	return items;
}

function listChanges(before: unknown[], after: unknown[], path: string, out: DataChange[]) {
	const key = KEYED_LISTS[path];
	const old = key ? byKey(before, key) : null;
	const now = key ? byKey(after, key) : null;
	if (key && old && now) {
		const ids = [...new Set([...old.keys(), ...now.keys()])].sort(
			(a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0)
		);
		for (const id of ids) planChanges(old.get(id), now.get(id), `${path}[${key}=${id}]`, out);
		return;
	}
	const length = Math.max(before.length, after.length);
	for (let i = 0; i < length; i++) planChanges(before[i], after[i], `${path}[${i}]`, out);
}

function planChanges(before: unknown, after: unknown, path: string, out: DataChange[]) {
	if (canonicalize(before) === canonicalize(after)) return;
	if (Array.isArray(before) && Array.isArray(after)) return listChanges(before, after, path, out);
	if (isObject(before) && isObject(after)) {
		const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
		for (const key of keys)
			planChanges(before[key], after[key], path ? `${path}.${key}` : key, out);
		return;
	}
	out.push({ part: 'plan', field: path, before: before ?? null, after: after ?? null });
}

function rowChanges<T extends { key: string; file: string; line: number }>(
	before: readonly T[],
	after: readonly T[],
	groupOf: (row: T) => number | null,
	same: (a: T, b: T) => boolean
) {
	type Group = { count: number; rows: RowRef[]; delta: number };
	const groups = new Map<string, Group>();
	const note = (change: string, group: number | null, row: T, delta: number) => {
		const id = `${change}|${group}`;
		const entry = groups.get(id) ?? { count: 0, rows: [], delta: 0 };
		entry.count++;
		entry.delta += delta;
		if (entry.rows.length < ROWS_SHOWN) entry.rows.push({ file: row.file, line: row.line });
		groups.set(id, entry);
	};
	const old = new Map(before.map((row) => [row.key, row]));
	const now = new Map(after.map((row) => [row.key, row]));
	for (const row of after) {
		const was = old.get(row.key);
		if (!was) note('added', groupOf(row), row, amountOf(row));
		else if (!same(was, row)) note('changed', groupOf(row), row, amountOf(row) - amountOf(was));
	}
	for (const row of before)
		if (!now.has(row.key)) note('removed', groupOf(row), row, -amountOf(row));
	return [...groups].map(([id, group]) => {
		const [change, key] = id.split('|') as ['added' | 'removed' | 'changed', string];
		return { change, group: key === 'null' ? null : Number(key), ...group };
	});
}

const amountOf = (row: object) => ('cents' in row && typeof row.cents === 'number' ? row.cents : 0);
/** Same content whatever the key order: a snapshot comes back from canonical JSON, keys sorted. */
const sameRow = (a: object, b: object) => canonicalize(a) === canonicalize(b);
const ORDER = { added: 0, removed: 1, changed: 2 };

/** The plan fields that differ between two plans (or two project definitions), lists by identity. */
export function planDiff(before: unknown, after: unknown): Extract<DataChange, { part: 'plan' }>[] {
	const changes: DataChange[] = [];
	planChanges(before, after, '', changes);
	return changes.filter((c) => c.part === 'plan');
}

export function dataChanges(before: DocumentData, after: DocumentData): DataChange[] {
	const changes: DataChange[] = [];
	planChanges(before.plan, after.plan, '', changes);
	if (before.expenses && after.expenses)
		for (const c of rowChanges<ExpenseRecord>(
			before.expenses,
			after.expenses,
			(row) => Number(row.date.slice(0, 4)),
			sameRow
		).sort((a, b) => (a.group ?? 0) - (b.group ?? 0) || ORDER[a.change] - ORDER[b.change]))
			changes.push({
				part: 'expenses',
				change: c.change,
				year: c.group ?? 0,
				count: c.count,
				cents: c.delta,
				rows: c.rows
			});
	if (before.trips && after.trips)
		for (const c of rowChanges<TripRecord>(
			before.trips,
			after.trips,
			(row) => row.event,
			sameRow
		).sort((a, b) => (a.group ?? 1e9) - (b.group ?? 1e9) || ORDER[a.change] - ORDER[b.change]))
			changes.push({
				part: 'trips',
				change: c.change,
				event: c.group,
				count: c.count,
				rows: c.rows
			});
	const same = (a: unknown, b: unknown) => canonicalize(a ?? null) === canonicalize(b ?? null);
	if (before.narratives && !same(before.narratives, after.narratives))
		changes.push({ part: 'texts', what: 'narratives' });
	if (!same(before.letterhead, after.letterhead))
		changes.push({ part: 'texts', what: 'letterhead' });
	if (!same(before.closedPeriods, after.closedPeriods))
		changes.push({ part: 'texts', what: 'periods' });
	if (before.control && after.control)
		changes.push(...controlChanges(before.control, after.control));
	return changes;
}
