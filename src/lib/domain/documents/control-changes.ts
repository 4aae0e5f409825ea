/**
 * What changed in a document's control part since it was made: the expenses whose finding or
 * thread differs (added, changed or removed, with their files and lines), samples drawn since,
 * and the reasons' labels or the people's names, so a check can say "findings" and where.
 */
import canonicalize from 'canonicalize';
import type { ControlData, FindingRecord } from './control-records';

export type ControlChange =
	| {
			part: 'control';
			what: 'findings';
			change: 'added' | 'changed' | 'removed';
			count: number;
			rows: { file: string; line: number }[];
	  }
	| { part: 'control'; what: 'samples'; numbers: number[] }
	| { part: 'control'; what: 'names' };

const ROWS_SHOWN = 10;
const same = (a: unknown, b: unknown) => canonicalize(a ?? null) === canonicalize(b ?? null);

function findingChanges(before: ControlData, after: ControlData): ControlChange[] {
	const old = new Map(before.findings.map((f) => [f.expense, f]));
	const now = new Map(after.findings.map((f) => [f.expense, f]));
	const where = new Map([...before.expenses, ...after.expenses].map((e) => [e.key, e]));
	const groups = { added: [] as string[], changed: [] as string[], removed: [] as string[] };
	for (const f of after.findings) {
		const was: FindingRecord | undefined = old.get(f.expense);
		if (!was) groups.added.push(f.expense);
		else if (!same(was, f)) groups.changed.push(f.expense);
	}
	for (const f of before.findings) if (!now.has(f.expense)) groups.removed.push(f.expense);
	return (['added', 'changed', 'removed'] as const)
		.filter((change) => groups[change].length > 0)
		.map((change) => ({
			part: 'control',
			what: 'findings',
			change,
			count: groups[change].length,
			rows: groups[change].slice(0, ROWS_SHOWN).map((key) => {
				const e = where.get(key);
				return { file: e?.file ?? '', line: e?.line ?? 0 };
			})
		}));
}

export function controlChanges(before: ControlData, after: ControlData): ControlChange[] {
	const changes = findingChanges(before, after);
	const had = new Set(before.samples.map((s) => s.number));
	const drawn = after.samples.filter((s) => !had.has(s.number)).map((s) => s.number);
	const altered = after.samples.some(
		(s) =>
			had.has(s.number) &&
			!same(
				s,
				before.samples.find((b) => b.number === s.number)
			)
	);
	if (drawn.length > 0 || altered || after.samples.length < before.samples.length)
		changes.push({ part: 'control', what: 'samples', numbers: drawn });
	if (!same(before.reasons, after.reasons) || !same(before.people, after.people))
		changes.push({ part: 'control', what: 'names' });
	return changes;
}
