/** Which column holds which field: recognised from the header row, or set by a mapping profile. */
import {
	FIELDS,
	REQUIRED_FIELDS,
	exactField,
	readHeader,
	type HeaderReading,
	type ImportField,
	type ImportKind
} from './fields';
import { clipText, echoHeader } from './echo';
import { fold, tidy } from './fold';

/** A column named by its header text, or by its 1-based position when headers repeat. */
export type ColumnRef = string | number;

export type ColumnMap = Partial<Record<ImportField, number>>;

/** A column whose header fits several fields (`D.`: date? description?): it is read as none. */
export interface AmbiguousColumn {
	/** 1-based. */
	column: number;
	header: string;
	fields: ImportField[];
}

export type HeaderProblem =
	| { code: 'no-header' }
	| ({ code: 'ambiguous-column' } & AmbiguousColumn)
	| { code: 'missing-field'; field: ImportField; headers: string[] }
	| { code: 'duplicate-column'; field: ImportField; header: string; columns: number[] }
	| { code: 'mapped-column-absent'; field: ImportField; column: ColumnRef };

export type HeaderMatch =
	| {
			ok: true;
			columns: ColumnMap;
			ignored: string[];
			/** Present when some header fits several fields; those columns are in `ignored` too. */
			ambiguous?: AmbiguousColumn[];
	  }
	| { ok: false; problems: HeaderProblem[] };

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

	const { recognised, ambiguous } = recognise(kind, header, taken, mapping);
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
	if (problems.length) {
		// An ambiguous column is often why a field is missing: say so beside it.
		const why = ambiguous.map((a) => ({ code: 'ambiguous-column' as const, ...a }));
		return { ok: false, problems: [...problems, ...why] };
	}
	const ignored = echoHeader(
		header.flatMap((cell, i) => (taken.has(i) || tidy(cell) === '' ? [] : [cell]))
	);
	return { ok: true, columns, ignored, ...(ambiguous.length ? { ambiguous } : {}) };
}

/**
 * Columns past this one are recognised by their exact names only. Real exports have tens of
 * columns; reading abbreviations and alternatives costs several times an exact lookup, which a
 * hostile header of a million columns would multiply.
 */
export const ABBREVIATED_COLUMNS = 1000;

function readColumn(kind: ImportKind, cell: string, index: number): HeaderReading {
	if (index < ABBREVIATED_COLUMNS) return readHeader(kind, cell);
	const field = exactField(kind, cell);
	return { fields: field ? [field] : [], from: 'whole' };
}

/**
 * The columns each field's header names, leaving out the columns and fields a profile settled.
 * A field named by a whole header is not also taken from another column's bracket or slash part
 * ("Summa" beside "Summa (ar PVN)" is the amount); two whole headers for one field are a
 * duplicate for the user to settle. A column fitting several fields is set aside as ambiguous,
 * unless the profile has placed all of those fields elsewhere.
 */
function recognise(
	kind: ImportKind,
	header: string[],
	taken: ReadonlySet<number>,
	mapping: Partial<Record<ImportField, ColumnRef>>
) {
	const found = new Map<ImportField, { whole: number[]; part: number[] }>();
	const ambiguous: AmbiguousColumn[] = [];
	header.forEach((cell, index) => {
		if (taken.has(index)) return;
		const reading = readColumn(kind, cell, index);
		const open = reading.fields.filter((field) => mapping[field] === undefined);
		if (open.length === 0) return;
		if (reading.fields.length > 1) {
			ambiguous.push({ column: index + 1, header: clipText(tidy(cell)), fields: reading.fields });
			return;
		}
		const field = open[0]!;
		const entry = found.get(field) ?? { whole: [], part: [] };
		entry[reading.from].push(index);
		found.set(field, entry);
	});
	const recognised = new Map<ImportField, number[]>(
		[...found].map(([field, { whole, part }]) => [field, whole.length ? whole : part])
	);
	return { recognised, ambiguous };
}
