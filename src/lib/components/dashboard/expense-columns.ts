/** The expense table's columns, in the order ExpenseRowsTable shows them, with those SQL can sort. */
import { m } from '$lib/paraglide/messages.js';
import type { TableColumn } from '$lib/components/tables/sort-headers.svelte';

export function expenseColumns(showProject: boolean, showFinding = false): TableColumn[] {
	return [
		...(showProject ? [{ id: 'project', label: () => m.col_code() }] : []),
		{ id: 'date', label: () => m.import_field_date(), sortable: true },
		{ id: 'document', label: () => m.import_field_documentNumber(), sortable: true },
		{ id: 'payee', label: () => m.import_field_payee(), sortable: true },
		{ id: 'description', label: () => m.import_field_description() },
		{ id: 'code', label: () => m.import_field_category(), sortable: true },
		{ id: 'event', label: () => m.import_field_event(), sortable: true },
		{ id: 'amount', label: () => m.import_field_amount(), sortable: true, numeric: true },
		{ id: 'source', label: () => m.rows_source() },
		...(showFinding ? [{ id: 'finding', label: () => m.finding_col() }] : [])
	];
}
