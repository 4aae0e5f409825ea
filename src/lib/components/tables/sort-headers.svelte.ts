/**
 * The column and sort state of a server-paged table, kept by @tanstack/table-core (v8) in manual
 * mode: the server sorts, filters and pages in SQL, and table-core says which column is sorted,
 * in which direction, and what the next click asks for. v8 has no Svelte 5 adapter, so this is a
 * thin runes wrapper: the sort comes from the URL (the only state), and each header is a link to
 * the URL of its next sort, so sorting works without JavaScript and a sorted view can be shared.
 */
import {
	createTable,
	getCoreRowModel,
	type ColumnDef,
	type SortingState,
	type TableOptionsResolved
} from '@tanstack/table-core';
import type { ResolvedPathname } from '$app/types';

export interface TableColumn {
	id: string;
	label: () => string;
	/** Only the columns the server can order by are sortable. */
	sortable?: boolean;
	numeric?: boolean;
}

export interface SortHeader {
	id: string;
	label: string;
	numeric: boolean;
	sorted: false | 'asc' | 'desc';
	/** The link that asks for this column's next sort; none for a column that does not sort. */
	href: ResolvedPathname | null;
}

type Row = Record<string, never>;

/** `date` → ascending on date, `-date` → descending: the URL's sort as table-core's state. */
export function sortingOf(sort: string): SortingState {
	if (!sort) return [];
	return sort.startsWith('-') ? [{ id: sort.slice(1), desc: true }] : [{ id: sort, desc: false }];
}

export function sortHeaders(
	columns: readonly TableColumn[],
	sort: string,
	hrefFor: (sort: string) => ResolvedPathname
): SortHeader[] {
	const defs: ColumnDef<Row>[] = columns.map((c) => ({
		id: c.id,
		accessorFn: () => null,
		enableSorting: c.sortable ?? false,
		// Amounts and dates read most useful biggest/newest first once the reader asks to sort them.
		sortDescFirst: c.numeric ?? false
	}));
	const options: TableOptionsResolved<Row> = {
		data: [],
		columns: defs,
		getCoreRowModel: getCoreRowModel(),
		manualSorting: true,
		manualFiltering: true,
		manualPagination: true,
		enableMultiSort: false,
		enableSortingRemoval: false,
		state: { sorting: sortingOf(sort) },
		onStateChange: () => {},
		renderFallbackValue: null
	};
	const table = createTable(options);
	table.setOptions((prev) => ({
		...prev,
		state: { ...table.initialState, sorting: sortingOf(sort) }
	}));
	return table.getFlatHeaders().map((header) => {
		const column = header.column;
		const source = columns.find((c) => c.id === column.id)!;
		const canSort = column.getCanSort();
		const sorted = column.getIsSorted();
		const next = sorted ? (sorted === 'asc' ? 'desc' : 'asc') : column.getFirstSortDir();
		return {
			id: column.id,
			label: source.label(),
			numeric: source.numeric ?? false,
			sorted,
			href: canSort ? hrefFor(next === 'desc' ? `-${column.id}` : column.id) : null
		};
	});
}

/** Each column's header text by its id, for the cells' data-label on a phone. */
export function headerLabels(headers: readonly SortHeader[]): Record<string, string> {
	return Object.fromEntries(headers.map((h) => [h.id, h.label]));
}

/** The headers as runes state: they follow the sort the page's data carries. */
export class SortHeaders {
	readonly headers: SortHeader[];
	constructor(
		columns: () => readonly TableColumn[],
		sort: () => string,
		hrefFor: (sort: string) => ResolvedPathname
	) {
		this.headers = $derived(sortHeaders(columns(), sort(), hrefFor));
	}
}
