/**
 * What a check says about columns before a commit: an optional field the dashboards and reports
 * read that no column gives, and a column whose header fits several fields. Either would let a
 * column be lost without a word, so the import page and the CLI show every warning, and a commit
 * that leaves a field empty in every row needs the user to say so (`acknowledge`).
 */
import type { ImportField, ImportKind } from './fields';
import type { AmbiguousColumn, ColumnMap } from './headers';

export type ColumnWarning =
	| {
			code: 'missing-column';
			field: ImportField;
			/**
			 * The rows would have this field empty: the commit waits for the user to accept that.
			 * A field that is not so has a default that the project usually means (its currency;
			 * a trip is done), which the warning names, and the rows' own checks still hold.
			 */
			acknowledge: boolean;
	  }
	| ({ code: 'ambiguous-column' } & AmbiguousColumn);

/**
 * The optional fields the dashboards, documents and CSVs read, per kind. Without the category
 * every expense is "no category" in the tables by classification code; without the event or the
 * funding source it is in no event's and no source's figures. Without a currency column amounts
 * are read in the project's currency (a row naming another one is rejected, not converted), and
 * without a status every trip counts as done.
 */
export const DASHBOARD_FIELDS: Record<ImportKind, readonly ImportField[]> = {
	expenses: ['category', 'event', 'fundingSource', 'currency'],
	participation: ['event', 'status']
};

const DEFAULTED = new Set<ImportField>(['currency', 'status']);

export function columnWarnings(
	kind: ImportKind,
	columns: ColumnMap,
	ambiguous: readonly AmbiguousColumn[]
): ColumnWarning[] {
	const missing = DASHBOARD_FIELDS[kind]
		.filter((field) => columns[field] === undefined)
		.map((field) => ({
			code: 'missing-column' as const,
			field,
			acknowledge: !DEFAULTED.has(field)
		}));
	const unsure = ambiguous.map((column) => ({ code: 'ambiguous-column' as const, ...column }));
	return [...missing, ...unsure];
}

/** The fields a commit would leave empty that the user has not said to import without. */
export function unacknowledged(
	warnings: readonly ColumnWarning[],
	without: readonly ImportField[]
): ImportField[] {
	return warnings.flatMap((w) =>
		w.code === 'missing-column' && w.acknowledge && !without.includes(w.field) ? [w.field] : []
	);
}

/** The fields the user must accept to import without, for the commit's checkbox or flag. */
export function fieldsToAcknowledge(warnings: readonly ColumnWarning[]): ImportField[] {
	return unacknowledged(warnings, []);
}
