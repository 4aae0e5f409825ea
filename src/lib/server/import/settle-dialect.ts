/**
 * The dialect an import reads its records in: what the file's start told (encoding, delimiter,
 * line breaks), what the first records tell (decimal mark, date order and formats), and what the
 * mapping profile fixed instead. A workbook's typed cells need no dialect: the decimal mark and
 * the date order are read from its text cells only.
 */
import { detectDecimalMark } from '$lib/domain/import/amounts';
import { dateFormatsOf } from '$lib/domain/import/date-formats';
import { detectDateOrder } from '$lib/domain/import/dates';
import type { ImportField, ImportKind } from '$lib/domain/import/fields';
import { tidy } from '$lib/domain/import/fold';
import type { ColumnMap } from '$lib/domain/import/headers';
import type { MappingProfile } from '$lib/domain/import/profile';
import type { Dialect } from '$lib/domain/import/result';
import type { SourceRecord } from '$lib/domain/import/typed-cells';
import type { RecordSource } from './record-source';

export interface HeaderFound {
	header: string[];
	columns: ColumnMap;
	ignored: string[];
	/** Records before the header, such as a report title. */
	preamble: number;
}

export function settleDialect(
	source: RecordSource,
	kind: ImportKind,
	found: HeaderFound,
	sample: readonly SourceRecord[],
	profile: MappingProfile
): Dialect {
	// A workbook has no encoding, delimiter or line breaks of its own: the text defaults stand.
	const sniffed =
		source.format === 'csv'
			? source.sniffed
			: {
					encoding: 'utf-8' as const,
					bom: false,
					delimiter: ',' as const,
					newline: '\n' as const,
					given: { encoding: false, delimiter: false }
				};
	const { header, columns } = found;
	const values = (field: ImportField) => {
		const index = columns[field];
		if (index === undefined) return [];
		return sample.flatMap((record) => (record.typed?.[index] ? [] : [record[index] ?? '']));
	};
	const dateFields: ImportField[] = kind === 'expenses' ? ['date'] : ['departure', 'return'];
	const dates = dateFields.flatMap(values);
	const dateOrder = profile.dateOrder ?? detectDateOrder(dates);
	return {
		encoding: sniffed.encoding,
		bom: sniffed.bom,
		delimiter: sniffed.delimiter,
		newline: sniffed.newline,
		decimal: profile.decimal ?? detectDecimalMark(values('amount')) ?? 'comma',
		dateOrder,
		dateFormats: dateFormatsOf(dates, dateOrder),
		columns: Object.fromEntries(
			Object.entries(columns).map(([field, index]) => [
				field,
				{ column: index + 1, header: tidy(header[index] ?? '') }
			])
		),
		ignored: found.ignored,
		preamble: found.preamble,
		given: {
			...sniffed.given,
			decimal: profile.decimal !== undefined,
			dateOrder: profile.dateOrder !== undefined,
			...(source.format === 'xlsx' ? { sheet: profile.sheet !== undefined } : {})
		},
		...(source.format === 'xlsx' ? { sheet: source.facts.notes(found.preamble, header) } : {})
	};
}
