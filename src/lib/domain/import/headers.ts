/** Which column holds which field: recognised from the header row, or set by a mapping profile. */
import {
	FIELDS,
	REQUIRED_FIELDS,
	fieldForHeader,
	type ImportField,
	type ImportKind
} from './fields';
import { clipText, echoHeader } from './echo';
import { fold, tidy } from './fold';

/** A column named by its header text, or by its 1-based position when headers repeat. */
export type ColumnRef = string | number;

export type ColumnMap = Partial<Record<ImportField, number>>;

export type HeaderProblem =
	| { code: 'no-header' }
	| { code: 'missing-field'; field: ImportField; headers: string[] }
	| { code: 'duplicate-column'; field: ImportField; header: string; columns: number[] }
	| { code: 'mapped-column-absent'; field: ImportField; column: ColumnRef };

export type HeaderMatch =
	{ ok: true; columns: ColumnMap; ignored: string[] } | { ok: false; problems: HeaderProblem[] };

/** Finds a column named by a profile: by position, by exact text, then by folded text. */
function findColumn(header: string[], ref: ColumnRef): number[] {
	if (typeof ref === 'number') return ref >= 1 && ref <= header.length ? [ref - 1] : [];
	const exact = header.flatMap((h, i) => (tidy(h) === tidy(ref) ? [i] : []));
	if (exact.length) return exact;
	return header.flatMap((h, i) => (fold(h) === fold(ref) ? [i] : []));
}

export function matchColumns(
	kind: ImportKind,
	header: string[],
	mapping: Partial<Record<ImportField, ColumnRef>> = {}
): HeaderMatch {
	if (header.every((cell) => tidy(cell) === ''))
		return { ok: false, problems: [{ code: 'no-header' }] };
	const problems: HeaderProblem[] = [];
	const columns: ColumnMap = {};
	const taken = new Set<number>();

	for (const field of FIELDS[kind]) {
		const ref = mapping[field];
		if (ref === undefined) continue;
		const found = findColumn(header, ref);
		if (found.length === 0) problems.push({ code: 'mapped-column-absent', field, column: ref });
		else if (found.length > 1)
			problems.push({
				code: 'duplicate-column',
				field,
				header: clipText(String(ref)),
				columns: found.map((i) => i + 1)
			});
		else {
			columns[field] = found[0]!;
			taken.add(found[0]!);
		}
	}

	const recognised = new Map<ImportField, number[]>();
	header.forEach((cell, index) => {
		if (taken.has(index)) return;
		const field = fieldForHeader(kind, cell);
		if (!field || mapping[field] !== undefined) return;
		recognised.set(field, [...(recognised.get(field) ?? []), index]);
	});
	for (const [field, indexes] of recognised) {
		if (indexes.length > 1) {
			problems.push({
				code: 'duplicate-column',
				field,
				header: clipText(tidy(header[indexes[0]!]!)),
				columns: indexes.map((i) => i + 1)
			});
		} else {
			columns[field] = indexes[0]!;
			taken.add(indexes[0]!);
		}
	}

	for (const field of REQUIRED_FIELDS[kind]) {
		if (columns[field] === undefined && !problems.some((p) => 'field' in p && p.field === field)) {
			problems.push({ code: 'missing-field', field, headers: echoHeader(header) });
		}
	}
	if (problems.length) return { ok: false, problems };
	const ignored = echoHeader(
		header.flatMap((cell, i) => (taken.has(i) || tidy(cell) === '' ? [] : [cell]))
	);
	return { ok: true, columns, ignored };
}
