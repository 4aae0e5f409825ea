import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '$tests/factories/database';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { solidAmended } from '$tests/factories/plan-versions';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { makeDocument } from './make-document';
import { checkPdfa, unmarkedMarks, type PdfaReport } from './pdfa-check';
import { renderPdf } from './render-pdf';

const DATE = '2026-11-24';
const WIDE = 300_000;

/** How many elements of a type the structure tree has. */
const count = (report: PdfaReport, type: string) =>
	report.structure.filter((element) => element.type === type).length;

/** The tree's Table elements, each with the number of its TR and TD/TH below it. */
function tables(report: PdfaReport) {
	const found: { rows: number; cells: number; head: boolean }[] = [];
	let current: (typeof found)[number] | undefined;
	let depth = -1;
	for (const element of report.structure) {
		if (current && element.depth <= depth) current = undefined;
		if (element.type === 'Table') {
			current = { rows: 0, cells: 0, head: false };
			depth = element.depth;
			found.push(current);
		} else if (current && element.type === 'TR') current.rows++;
		else if (current && (element.type === 'TD' || element.type === 'TH')) current.cells++;
		else if (current && element.type === 'THead') current.head = true;
	}
	return found;
}

describe('archival, tagged PDFs of SOLID', () => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase('pglite');
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		await importSample(handle.db, 'expenses');
		await importSample(handle.db, 'participation');
	}, WIDE);
	afterAll(async () => {
		await handle?.close();
	});

	const make = async (template: string, lang: 'lv' | 'en') =>
		(await makeDocument(handle.db, { project: 'SOLID', template, lang, date: DATE })).pdf;

	it(
		'makes the council annex PDF/A-2a: tagged, fonts embedded, its rows a table of cells',
		async () => {
			for (const lang of ['lv', 'en'] as const) {
				const pdf = await make('council-annex', lang);
				const report = checkPdfa(pdf);
				expect(report.problems).toEqual([]);
				expect(report.xmp).toContain('<pdfaid:part>2</pdfaid:part>');
				expect(report.xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
				expect(count(report, 'H1')).toBe(1);
				expect(count(report, 'P')).toBeGreaterThanOrEqual(4);
				// The annex's labelled fields: one row each, a header cell and a data cell.
				const [fields] = tables(report);
				expect(fields!.rows).toBeGreaterThanOrEqual(8);
				expect(fields!.cells).toBe(fields!.rows * 2);
				expect(Buffer.from(pdf).toString('latin1')).toContain(`/Lang (${lang})`);
			}
		},
		WIDE
	);

	it(
		'makes the final report PDF/A-2a with headings, its tables and its charts as figures',
		async () => {
			const report = checkPdfa(await make('final-report', 'en'));
			expect(report.problems).toEqual([]);
			expect(count(report, 'H1')).toBe(1);
			expect(count(report, 'H2')).toBeGreaterThanOrEqual(3);
			expect(count(report, 'Figure')).toBeGreaterThanOrEqual(2);
			const found = tables(report);
			const data = found.filter((table) => table.head);
			expect(data.length).toBeGreaterThanOrEqual(2);
			for (const table of data) expect(table.cells).toBeGreaterThan(table.rows);
		},
		WIDE
	);

	it(
		'makes the control report PDF/A-2a in LV and EN, its headings and tables tagged',
		async () => {
			for (const lang of ['lv', 'en'] as const) {
				const pdf = await make('control-report', lang);
				const report = checkPdfa(pdf);
				expect(report.problems).toEqual([]);
				expect(report.xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
				expect(count(report, 'H1')).toBe(1);
				expect(count(report, 'H2')).toBeGreaterThanOrEqual(6);
				const data = tables(report).filter((table) => table.head);
				expect(data.length).toBeGreaterThanOrEqual(2);
				for (const table of data) expect(table.cells).toBeGreaterThan(table.rows);
				expect(Buffer.from(pdf).toString('latin1')).toContain(`/Lang (${lang})`);
			}
		},
		WIDE
	);

	it(
		'makes the council decision PDF/A-2a, its adoption and its amendment, in LV and EN',
		async () => {
			const check = (pdf: Uint8Array, lang: 'lv' | 'en') => {
				const report = checkPdfa(pdf);
				expect(report.problems).toEqual([]);
				expect(report.xmp).toContain('<pdfaid:part>2</pdfaid:part>');
				expect(count(report, 'H1')).toBeGreaterThanOrEqual(1);
				expect(count(report, 'P')).toBeGreaterThanOrEqual(8);
				// The annex that goes with it keeps its labelled fields as a table of cells.
				expect(tables(report).some((t) => t.rows >= 8 && t.cells === t.rows * 2)).toBe(true);
				expect(Buffer.from(pdf).toString('latin1')).toContain(`/Lang (${lang})`);
			};
			for (const lang of ['lv', 'en'] as const) check(await make('council-decision', lang), lang);
			// The amending decision (2019 co-financing 670 → 710,20 EUR by No. 512 of 19.09.2019).
			await applyProjectDefinition(handle.db, solidAmended(), { actor: SYSTEM_ACTOR });
			for (const lang of ['lv', 'en'] as const) check(await make('council-decision', lang), lang);
		},
		WIDE
	);

	it(
		'draws the report the same, byte for byte, each time',
		async () => {
			const first = await make('final-report', 'lv');
			const second = await make('final-report', 'lv');
			expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
		},
		WIDE
	);
});

describe('the PDF/A check itself', () => {
	it(
		'finds an untagged PDF/A-2b, and escapes what the XMP mirrors',
		async () => {
			const info: Record<string, string> = { title: 'R&D <plan>', CofundProject: 'A&B' };
			const pdf = await renderPdf({ content: 'x', info });
			const report = checkPdfa(pdf);
			expect(report.xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
			expect(report.xmp).toContain('R&amp;D &lt;plan&gt;');
			expect(report.problems).toEqual(['pdfinfo does not say Tagged: yes']);
		},
		WIDE
	);

	it('counts painting outside any marked-content sequence', () => {
		const page = (n: number, body: string) =>
			`%% Contents for page ${n}\n%% Original object ID: 9 0\n12 0 obj\n<<\n  /Length 3\n>>\nstream\n${body}\nendstream\n`;
		const qdf =
			page(1, '/P <</MCID 0>> BDC\nBT (a) Tj ET\nEMC\n/Artifact BMC\n0 0 m 1 1 l S\nEMC') +
			page(2, 'BT (b) Tj ET\n0 0 1 1 re f\n/Span BMC\nBT (c) Tj ET\nEMC');
		expect(unmarkedMarks(qdf)).toEqual([{ page: 2, count: 2 }]);
	});
});
