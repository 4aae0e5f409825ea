/** The import history table's columns and filter fields, so its page stays markup. */
import type { ImportQuery } from '$lib/domain/tables/history-query';
import { m } from '$lib/paraglide/messages.js';
import type { FilterField } from './filter-fields';
import type { TableColumn } from './sort-headers.svelte';

export const importColumns = (): TableColumn[] => [
	{ id: 'made', label: () => '#', sortable: true },
	{ id: 'when', label: () => m.imports_when() },
	{ id: 'kind', label: () => m.imports_kind() },
	{ id: 'file', label: () => m.imports_file(), sortable: true },
	{ id: 'records', label: () => m.import_report_records(), sortable: true, numeric: true },
	{ id: 'accepted', label: () => m.import_report_accepted(), sortable: true, numeric: true },
	{ id: 'amount', label: () => m.imports_amount(), numeric: true },
	{ id: 'by', label: () => m.imports_by() },
	{ id: 'state', label: () => '' }
];

export const importFields = (query: ImportQuery): FilterField[] => [
	{ kind: 'search', name: 'q', label: m.imports_file(), value: query.q },
	{
		kind: 'select',
		name: 'kind',
		label: m.imports_kind(),
		value: query.kind,
		anyLabel: m.tbl_any(),
		options: [
			{ value: 'expenses', label: m.import_kind_expenses() },
			{ value: 'participation', label: m.import_kind_participation() }
		]
	},
	{
		kind: 'select',
		name: 'state',
		label: m.tbl_state(),
		value: query.state,
		anyLabel: m.tbl_any(),
		options: [
			{ value: 'live', label: m.tbl_state_live() },
			{ value: 'reverted', label: m.tbl_state_reverted() }
		]
	},
	{ kind: 'date', name: 'from', label: m.tbl_from(), value: query.from },
	{ kind: 'date', name: 'to', label: m.tbl_to(), value: query.to }
];
