/**
 * A project's trips (its live rows, as the trips table's filter selects them) as CSV, each row
 * with its travel-order file and line. Read through the table's own `tripWindow`, by a keyset on
 * its order, in pages of 5,000, so the download holds exactly the rows the table pages through,
 * in the order it shows them, without holding them all in memory. Written in the reader's CSV
 * dialect and language (`csv-export.ts`); the words are the table's, so a sheet reads like it.
 */
import { countryName } from '$lib/domain/countries';
import { CSV_BOM, toCsv, type CsvCell } from '$lib/domain/csv-export';
import type { Locale } from '$lib/domain/locale';
import type { Sort } from '$lib/domain/tables/query-params';
import type { TripSortColumn } from '$lib/domain/tables/trip-query';
import { tripStatusText } from '$lib/i18n/trip-status';
import { m } from '$lib/paraglide/messages.js';
import type { Queryable } from '../db';
import { tripWindow, type TripFilter, type TripKey, type TripRowView } from './trip-rows';

const PAGE = 5_000;

export const TRIPS_CSV_HEADER = [
	'person',
	'position',
	'event',
	'city',
	'country',
	'departure',
	'return',
	'order',
	'status',
	'file',
	'line'
] as const;

type Column = (typeof TRIPS_CSV_HEADER)[number];

/** The column headings in the reader's language: the table's and the import's words. */
function headings(locale: Locale): string[] {
	const say = { locale };
	const heading: Record<Column, () => string> = {
		person: () => m.import_field_person({}, say),
		position: () => m.import_field_position({}, say),
		event: () => m.import_field_event({}, say),
		city: () => m.import_field_city({}, say),
		country: () => m.import_field_country({}, say),
		departure: () => m.import_field_departure({}, say),
		return: () => m.import_field_return({}, say),
		order: () => m.import_field_orderNumber({}, say),
		status: () => m.import_field_status({}, say),
		file: () => m.csv_col_file({}, say),
		line: () => m.csv_col_line({}, say)
	};
	return TRIPS_CSV_HEADER.map((column) => heading[column]());
}

function cells(row: TripRowView, locale: Locale): CsvCell[] {
	return [
		row.person,
		row.position,
		row.event,
		row.city,
		row.country ? countryName(row.country, locale) : null,
		row.departure,
		row.returnDate,
		row.orderNumber,
		tripStatusText(row.status, locale),
		row.fileName,
		row.line
	];
}

export async function* tripsCsv(
	db: Queryable,
	projectId: number,
	locale: Locale,
	options: {
		filter?: TripFilter;
		sort?: Sort<TripSortColumn>;
		/** Rows read per query; small in tests, so that the keyset is followed. */
		pageSize?: number;
	} = {}
): AsyncGenerator<string> {
	const {
		filter = {},
		sort = { column: 'departure', descending: false },
		pageSize = PAGE
	} = options;
	yield CSV_BOM + toCsv(headings(locale), [], locale);
	let after: TripKey | null = null;
	for (;;) {
		const { rows, last } = await tripWindow(db, projectId, filter, sort, pageSize, { after });
		if (rows.length === 0 || !last) return;
		yield (
			toCsv(
				[],
				rows.map((row) => cells(row, locale)),
				locale
			) + '\r\n'
		);
		after = last;
	}
}
