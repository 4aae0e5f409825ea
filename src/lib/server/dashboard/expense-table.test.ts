import { ENGINES, freshDatabase } from '$tests/factories/database';
import { importGeneratedLedger } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExpenseQuery, expenseSort } from '$lib/domain/tables/expense-query';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { loadImportProject } from '../import/import-project';
import { applyProjectDefinition } from '../projects/apply-definition';
import { expenseChoices, expenseFilter, expenseRows, ROWS_PER_PAGE } from './expense-rows';
import { expensesCsv } from './expenses-csv';

const ROWS = 250;
/** What the generated ledger holds (tests/factories/imports.ts), worked out from its rule. */
const generated = Array.from({ length: ROWS }, (_, i) => ({
	document: `GEN-${String(i).padStart(5, '0')}`,
	year: i % 2 === 0 ? 2018 : 2019,
	code: i % 3 === 0 ? '2122' : '2121',
	cents: (i + 1) * 1000 + (i % 100),
	event: (i % 5) + 1
}));

describe.each(ENGINES)('the expense table over a large project on %s', (engine) => {
	let handle: DatabaseHandle;
	let projectId: number;
	const query = (q: string) => readExpenseQuery(new URLSearchParams(q));
	const page = (q: string) => {
		const parsed = query(q);
		return expenseRows(
			handle.db,
			projectId,
			expenseFilter(parsed),
			parsed.page,
			expenseSort(parsed)
		);
	};
	const csvDocuments = async (q: string, pageSize: number) => {
		const parsed = query(q);
		let text = '';
		for await (const part of expensesCsv(handle.db, projectId, 'en', {
			filter: expenseFilter(parsed),
			sort: expenseSort(parsed),
			pageSize
		}))
			text += part;
		const parsedCsv = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',' });
		return parsedCsv.data
			.slice(1)
			.filter((r) => r.length > 1)
			.map((r) => r[1]);
	};

	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		const result = await importGeneratedLedger(handle.db, ROWS);
		expect(result.report.accepted.count).toBe(ROWS);
		projectId = (await loadImportProject(handle.db, 'SOLID'))!.id;
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('pages 250 rows as 100, 100 and 50, each row once, with the total count on every page', async () => {
		const pages = await Promise.all([page(''), page('page=2'), page('page=3'), page('page=4')]);
		expect(pages.map((p) => p.rows.length)).toEqual([ROWS_PER_PAGE, ROWS_PER_PAGE, 50, 0]);
		expect(pages.every((p) => p.count === ROWS)).toBe(true);
		const seen = pages.flatMap((p) => p.rows.map((r) => r.documentNumber));
		expect(new Set(seen).size).toBe(ROWS);
		const dates = seen.map((_, i) => pages.flatMap((p) => p.rows)[i]!.date);
		expect(dates).toEqual([...dates].sort());
	});

	it('filters to 2019 and code 2122 in SQL, with the count and sum of exactly those rows', async () => {
		const expected = generated.filter((g) => g.year === 2019 && g.code === '2122');
		const result = await page('year=2019&code=2122');
		expect(result.count).toBe(expected.length);
		expect(result.totalCents).toBe(expected.reduce((sum, g) => sum + g.cents, 0));
		expect(result.rows.map((r) => r.documentNumber).sort()).toEqual(
			expected.map((g) => g.document).sort()
		);
	});

	it('filters by amount and date range, text and event', async () => {
		const amounts = await page('min=100&max=200,99');
		expect(amounts.rows.map((r) => r.amountCents).sort((a, b) => a - b)).toEqual(
			generated
				.filter((g) => g.cents >= 10000 && g.cents <= 20099)
				.map((g) => g.cents)
				.sort((a, b) => a - b)
		);
		const dates = await page('from=2019-04-01&to=2019-04-30');
		expect(dates.count).toBeGreaterThan(0);
		expect(dates.rows.every((r) => r.date >= '2019-04-01' && r.date <= '2019-04-30')).toBe(true);
		const text = await page('q=gen-0001');
		expect(text.rows.map((r) => r.documentNumber).sort()).toEqual(
			generated.filter((g) => g.document.startsWith('GEN-0001')).map((g) => g.document)
		);
		// A percent sign is a character to look for, not a wildcard.
		expect((await page('q=%25')).count).toBe(0);
		const event = await page('event=3');
		expect(event.count).toBe(generated.filter((g) => g.event === 3).length);
	});

	it('sorts by amount, biggest first, across the page boundary', async () => {
		const [first, second] = await Promise.all([page('sort=-amount'), page('sort=-amount&page=2')]);
		const amounts = [...first.rows, ...second.rows].map((r) => r.amountCents);
		expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
		expect(amounts[0]).toBe(Math.max(...generated.map((g) => g.cents)));
	});

	it('exports exactly the filtered rows, every page, in the table order, through its keyset', async () => {
		for (const q of ['year=2019&code=2122', 'sort=-amount', 'sort=payee&min=50', 'sort=-date']) {
			const parsed = query(q);
			const count = (await page(q)).count;
			const shown: string[] = [];
			for (let p = 1; p <= Math.ceil(count / ROWS_PER_PAGE); p++) {
				shown.push(...(await page(`${q}&page=${p}`)).rows.map((r) => r.documentNumber));
			}
			expect(parsed.page).toBe(1);
			// Pages of 7 make the export follow its keyset many times, ties on the key included.
			expect(await csvDocuments(q, 7)).toEqual(shown);
		}
	});

	it('offers the years, codes and events the rows hold', async () => {
		expect(await expenseChoices(handle.db, projectId)).toEqual({
			years: [2018, 2019],
			codes: ['2121', '2122'],
			events: [1, 2, 3, 4, 5]
		});
	});
});
