import { createHash } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLongTable } from '$lib/domain/documents/pdf-parts';
import { PART_ROWS } from '$lib/domain/documents/pdfmake-tables';
import { addRows, makeProjects } from '$tests/bench/expense-rows';
import { freshDatabase } from '$tests/factories/database';
import { pdftotext } from '$tests/factories/seed-lines';
import type { DatabaseHandle } from '../db';
import { expenses } from '../db/schema';
import { makeDocument, prepareDocument } from './make-document';
import { checkPdfa, type PdfaReport } from './pdfa-check';
import { pdfDefinition } from './render-job';
import { renderPdf } from './render-pdf';

const DATE = '2026-11-24';
const WIDE = 600_000;
/** Enough rows for three parts, the last a short one. */
const ROWS = 2 * PART_ROWS + 500;

/** The largest table of the structure tree: its header groups, rows (TR) and total groups. */
function appendixTable(structure: PdfaReport['structure']) {
	const found: { head: number; rows: number; foot: number }[] = [];
	let depth = -1;
	for (const element of structure) {
		if (element.type === 'Table') {
			found.push({ head: 0, rows: 0, foot: 0 });
			depth = element.depth;
		} else if (found.length && element.depth > depth) {
			const table = found.at(-1)!;
			if (element.type === 'THead') table.head++;
			if (element.type === 'TFoot') table.foot++;
			if (element.type === 'TR') table.rows++;
		}
	}
	return found.sort((a, b) => b.rows - a.rows)[0];
}

const sha = (pdf: Uint8Array) => createHash('sha256').update(pdf).digest('hex');
const pagesOf = (pdf: Uint8Array) => pdftotext(pdf).split('\f').slice(0, -1);
/** The document numbers of the appendix rows on a page, in the order they are printed. */
const rowsOn = (page: string) => [...page.matchAll(/\bDOC-(\d+)\b/g)].map((m) => Number(m[1]));

describe('the final report with a long appendix, laid out a part at a time', () => {
	let handle: DatabaseHandle;
	let pdf: Buffer;
	/** The rows' document numbers in the appendix's order: by date, then source line. */
	let listed: number[];
	beforeAll(async () => {
		handle = await freshDatabase('pglite');
		const made = await makeProjects(handle, 1, () => 'LONG', {
			id: null,
			email: 'test@cofund.example'
		});
		await addRows(handle, made, 0, ROWS);
		listed = (
			await handle.db
				.select({ document: expenses.documentNumber })
				.from(expenses)
				.orderBy(asc(expenses.date), asc(expenses.line))
		).map((r) => Number(r.document.slice('DOC-'.length)));
		const request = { project: 'LONG', template: 'final-report', lang: 'lv', date: DATE } as const;
		pdf = (await makeDocument(handle.db, request)).pdf;
	}, WIDE);
	afterAll(async () => {
		await handle?.close();
	});

	it(
		'prints every row once, in the appendix’s order, on full pages numbered over the whole document',
		() => {
			const pages = pagesOf(pdf);
			const printed = pages.flatMap(rowsOn);
			expect(printed).toEqual(listed);
			const appendix = pages.filter((page) => rowsOn(page).length > 0);
			// Each row is one line, so every appendix page after its first (which has the heading)
			// and before its last holds as many: no part ended on a page it left half empty.
			const perPage = appendix.slice(1, -1).map((page) => rowsOn(page).length);
			expect(perPage.length).toBeGreaterThan(ROWS / 100);
			expect(new Set(perPage).size).toBe(1);
			expect(appendix.at(-1)!.includes('Kopā')).toBe(true);
			const footers = pages.map((page) =>
				[...page.matchAll(/(\d+)\. lpp\. no (\d+)/g)].map((m) => m.slice(1))
			);
			expect(footers).toEqual(pages.map((_, i) => [[String(i + 1), String(pages.length)]]));
		},
		WIDE
	);

	it(
		'draws the pages one long layout of the whole document draws',
		async () => {
			const { input } = await prepareDocument(handle.db, {
				project: 'LONG',
				template: 'final-report',
				lang: 'lv',
				date: DATE
			});
			const definition = pdfDefinition(input);
			expect(definition.pieces?.some(isLongTable)).toBe(true);
			const whole = await renderPdf({
				...definition,
				content: definition.pieces!.map((p) =>
					isLongTable(p) ? p.longTable.slice(0, p.longTable.rows) : p
				),
				pieces: undefined
			});
			expect(pagesOf(whole)).toEqual(pagesOf(pdf));
		},
		WIDE
	);

	it(
		'gives the same bytes for the same inputs, and stays an archival, tagged PDF',
		async () => {
			const again = await makeDocument(handle.db, {
				project: 'LONG',
				template: 'final-report',
				lang: 'lv',
				date: DATE
			});
			expect(sha(again.pdf)).toBe(sha(pdf));
			const report = checkPdfa(pdf);
			expect(report.problems).toEqual([]);
			// One table row element per expense, whichever part drew it; the header and total once.
			expect(appendixTable(report.structure)).toEqual({ head: 1, rows: ROWS + 2, foot: 1 });
		},
		WIDE
	);
});
