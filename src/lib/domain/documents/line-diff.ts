/**
 * The line diff of a template edit, as the review before saving shows it: the changed lines with
 * their old and new line numbers and a few unchanged lines around them; long unchanged runs fold
 * into a count. The diff itself is the `diff` package's (Myers); this only lays it out.
 */
import { diffLines } from 'diff';

export type DiffRow =
	| { kind: 'same' | 'added' | 'removed'; old: number | null; new: number | null; text: string }
	| { kind: 'skipped'; count: number };

export interface LineDiff {
	rows: DiffRow[];
	added: number;
	removed: number;
}

const linesOf = (value: string) => {
	const lines = value.split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	return lines;
};

export function lineDiff(before: string, after: string, context = 3): LineDiff {
	const all: Exclude<DiffRow, { kind: 'skipped' }>[] = [];
	let oldLine = 1;
	let newLine = 1;
	for (const part of diffLines(before, after)) {
		for (const text of linesOf(part.value)) {
			if (part.added) all.push({ kind: 'added', old: null, new: newLine++, text });
			else if (part.removed) all.push({ kind: 'removed', old: oldLine++, new: null, text });
			else all.push({ kind: 'same', old: oldLine++, new: newLine++, text });
		}
	}
	const changed = all.flatMap((row, i) => (row.kind === 'same' ? [] : [i]));
	const near = (i: number) => changed.some((c) => Math.abs(c - i) <= context);
	const rows: DiffRow[] = [];
	for (const [i, row] of all.entries()) {
		if (row.kind !== 'same' || near(i)) rows.push(row);
		else {
			const last = rows[rows.length - 1];
			if (last?.kind === 'skipped') last.count++;
			else rows.push({ kind: 'skipped', count: 1 });
		}
	}
	return {
		rows: changed.length ? rows : [],
		added: all.filter((r) => r.kind === 'added').length,
		removed: all.filter((r) => r.kind === 'removed').length
	};
}
