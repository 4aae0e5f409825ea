/**
 * Documents benchmark: what does making a document cost, and how much does cofund add to what
 * pdfmake itself spends on a long table?
 *
 *   npm run bench:documents                 5 runs of each, after one warm-up
 *   npm run bench:documents -- --runs 9
 *
 * On an in-memory PGlite it times: the SOLID council annex; the final report of a project with
 * 1,000 and with 10,000 expense rows (all of it: data, template, charts, PDF); and a raw pdfmake
 * render of the same 10,000-row table, built straight from the rows with the same columns, fonts
 * and page. It prints medians, the overhead ratio (final report with 10,000 rows / raw table,
 * target ≤ 1.2) and the process's peak RSS (the heap is collected before each run, so the peak
 * is what one document needs, not garbage left by the runs before it).
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { asc, eq } from 'drizzle-orm';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate, formatMoney } from '$lib/domain/format';
import { SYSTEM_ACTOR } from '$lib/server/audit/record-audit';
import { openMemoryPglite } from '$lib/server/db';
import { expenses, importBatches } from '$lib/server/db/schema';
import { makeDocument } from '$lib/server/documents/make-document';
import { renderPdf } from '$lib/server/documents/render-pdf';
import { applyProjectDefinition } from '$lib/server/projects/apply-definition';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import { addRows, makeProjects } from './expense-rows';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(args.runs);
const TARGET = 1.2;
const DATE = '2026-11-24';

async function median(label: string, work: () => Promise<number>) {
	await work();
	const times: number[] = [];
	let pages = 0;
	for (let i = 0; i < RUNS; i++) {
		// Each run starts from a collected heap, so one run's garbage does not swell the next.
		(globalThis as { gc?: () => void }).gc?.();
		const started = performance.now();
		pages = await work();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const ms = times[Math.floor(times.length / 2)]!;
	console.log(
		`${label.padEnd(46)} ${(ms / 1000).toFixed(2).padStart(7)} s   ${String(pages).padStart(5)} kB`
	);
	return ms;
}

async function interleaved(...cases: [string, () => Promise<number>][]): Promise<number[]> {
	for (const [, work] of cases) await work();
	const times = cases.map(() => [] as number[]);
	const sizes = cases.map(() => 0);
	for (let i = 0; i < RUNS; i++)
		for (const [c, [, work]] of cases.entries()) {
			(globalThis as { gc?: () => void }).gc?.();
			const started = performance.now();
			sizes[c] = await work();
			times[c]!.push(performance.now() - started);
		}
	return cases.map(([label], c) => {
		const sorted = times[c]!.sort((a, b) => a - b);
		const ms = sorted[Math.floor(sorted.length / 2)]!;
		console.log(
			`${label.padEnd(46)} ${(ms / 1000).toFixed(2).padStart(7)} s   ${String(sizes[c]).padStart(5)} kB`
		);
		return ms;
	});
}

const handle = await openMemoryPglite();
try {
	await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
	await importSample(handle.db, 'expenses');
	await importSample(handle.db, 'participation');
	const made = await makeProjects(handle, 2, (i) => ['R1K', 'R10K'][i]!, {
		id: null,
		email: 'bench@cofund.example'
	});
	await addRows(handle, [made[0]!], 0, 1_000);
	await addRows(handle, [made[1]!], 0, 10_000);

	const kb = (pdf: Buffer) => Math.round(pdf.length / 1024);
	const report = (project: string) => async () =>
		kb(
			(await makeDocument(handle.db, { project, template: 'final-report', lang: 'lv', date: DATE }))
				.pdf
		);

	console.log(`documents benchmark, median of ${RUNS} runs after a warm-up (PGlite in memory)\n`);
	await median('council annex, SOLID', async () =>
		kb(
			(
				await makeDocument(handle.db, {
					project: 'SOLID',
					template: 'council-annex',
					lang: 'lv',
					date: DATE
				})
			).pdf
		)
	);
	await median('final report, 1,000 expense rows', report('R1K'));

	// The same table, straight from the rows to pdfmake: no template, no context, no charts.
	const rows = await handle.db
		.select({
			date: expenses.date,
			document: expenses.documentNumber,
			payee: expenses.payee,
			description: expenses.description,
			category: expenses.category,
			event: expenses.eventNumber,
			cents: expenses.amountCents,
			file: importBatches.fileName,
			line: expenses.line
		})
		.from(expenses)
		.innerJoin(importBatches, eq(importBatches.id, expenses.batchId))
		.where(eq(expenses.projectId, made[1]!.id))
		.orderBy(asc(expenses.date), asc(expenses.line));
	const header = ['Datums', 'Dok. Nr.', 'Saņēmējs', 'Apraksts', 'EKK', 'Pas.', 'Summa', 'Avots'];
	const raw: TDocumentDefinitions = {
		pageSize: 'A4',
		pageOrientation: 'landscape',
		pageMargins: [56, 50, 50, 56],
		defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
		info: { creationDate: new Date(`${DATE}T12:00:00Z`) },
		content: [
			{
				table: {
					headerRows: 1,
					widths: [46, 52, 150, '*', 24, 18, 52, 70],
					body: [
						header.map((text) => ({ text, bold: true, fillColor: '#eeeeee' })),
						...rows.map((r) => [
							formatDate(r.date, 'lv'),
							r.document,
							r.payee,
							r.description,
							r.category,
							r.event === null ? '' : String(r.event),
							{
								text: formatMoney(r.cents, 'lv', { decimals: 'always' }),
								alignment: 'right' as const
							},
							`${r.file}:${r.line}`
						])
					]
				},
				layout: 'lightHorizontalLines',
				fontSize: 8
			}
		]
	};
	// The two sides of the ratio take turns, so that a slower minute of the machine falls on both.
	const [full, table] = await interleaved(
		['final report, 10,000 expense rows', report('R10K')],
		['raw pdfmake, the same 10,000-row table', async () => kb(await renderPdf(raw))]
	);

	const ratio = full! / table!;
	const peakMb = process.resourceUsage().maxRSS / 1024;
	console.log(
		`\noverhead ratio (final report, 10,000 rows / raw table): ${ratio.toFixed(2)} (target ≤ ${TARGET})`
	);
	console.log(`peak RSS: ${peakMb.toFixed(1)} MB`);
	process.exitCode = ratio <= TARGET ? 0 : 1;
} finally {
	await handle.close();
}
