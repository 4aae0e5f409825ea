/**
 * What a project's expenses page shows for one query of its rows: the project, the page of rows
 * with their count and sum, the filter bar's choices and the import state, cached together under
 * the project's data version (cache/figure-cache.ts) and the query, so a reader paging back and
 * forth, or twenty readers on the same link, cost one version look-up each.
 */
import type { ExpenseQuery } from '$lib/domain/tables/expense-query';
import { expenseSort } from '$lib/domain/tables/expense-query';
import type { ExpenseRowView } from '$lib/domain/dashboard/expense-row';
import { cachedFigure, projectVersion } from '../cache/figure-cache';
import type { Queryable } from '../db';
import { loadProject, type StoredProject } from '../projects/load-definition';
import { expenseChoices, expenseFilter, expenseRows } from './expense-rows';
import { importState, type ImportState } from './import-state';

export interface ExpensePage {
	project: StoredProject;
	rows: ExpenseRowView[];
	count: number;
	totalCents: number;
	choices: Awaited<ReturnType<typeof expenseChoices>>;
	imports: ImportState;
}

export async function expensePage(
	db: Queryable,
	code: string,
	query: ExpenseQuery
): Promise<ExpensePage | null> {
	const version = await projectVersion(db, code);
	if (!version) return null;
	return cachedFigure(db, 'expense-page', version, [JSON.stringify(query)], async () => {
		const project = await loadProject(db, code);
		if (!project) return null;
		const filter = expenseFilter(query, project.definition.period);
		const [result, choices, imports] = await Promise.all([
			expenseRows(db, project.id, filter, query.page, expenseSort(query)),
			expenseChoices(db, project.id),
			importState(db, project.id)
		]);
		return { project, ...result, choices, imports };
	});
}
