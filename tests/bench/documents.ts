/**
 * Documents benchmark: what does making a document cost in time and in memory, and how much does
 * cofund add to what pdfmake itself spends on a long table?
 *
 *   npm run bench:documents                 3 runs of each
 *   npm run bench:documents -- --runs 5
 *
 * On an in-memory PGlite it reads the data of: the SOLID council annex; the final report of a
 * project with 1,000, 10,000 and 20,000 expense rows (the appendix's limit); and a raw pdfmake
 * render of the same 10,000-row table, built straight from the rows with the same columns, fonts
 * and page. Each render then runs alone in a fresh process (`document-render.ts`) with the render
 * worker's heap cap, so its peak resident memory is that document's, not the database's or an
 * earlier render's. It prints per document the median time, the size and the highest peak of the
 * runs (with the process's own baseline before the render), the overhead ratio (final report with
 * 10,000 rows / raw table, target ≤ 1.2) and the peak target (final report with 10,000 rows
 * ≤ 512 MB); it fails when either is missed or a document's bytes differ between runs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate, formatMoney } from '$lib/domain/format';
import { SYSTEM_ACTOR } from '$lib/server/audit/record-audit';
import { openMemoryPglite } from '$lib/server/db';
import { expenses, importBatches } from '$lib/server/db/schema';
import { prepareDocument } from '$lib/server/documents/make-document';
import { WORKER_LIMITS } from '$lib/server/documents/render-pool';
import { fromPackageRoot } from '$lib/server/package-root';
import { applyProjectDefinition } from '$lib/server/projects/apply-definition';
import { importSample } from '$tests/factories/imports';
import { solidDefinition } from '$tests/factories/projects';
import type { RenderFile, RenderResult } from './document-render';
import { addRows, makeProjects } from './expense-rows';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Number(args.runs);
const RATIO_TARGET = 1.2;
const PEAK_TARGET_MB = 512;
const DATE = '2026-11-24';
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cofund-bench-documents-'));

interface Measured {
	label: string;
	ms: number;
	kb: number;
	peakMb: number;
	baselineMb: number;
	sameBytes: boolean;
}

/** One render in a fresh process with the worker's heap cap. */
async function renderAlone(file: string): Promise<RenderResult> {
	const { stdout } = await run(
		process.execPath,
		[
			`--max-old-space-size=${WORKER_LIMITS.memoryMb}`,
			'--import',
			'tsx',
			fromPackageRoot('tests/bench/document-render.ts'),
			file
		],
		{ cwd: fromPackageRoot('.'), maxBuffer: 1 << 20 }
	);
	return JSON.parse(stdout.trim().split('\n').at(-1)!) as RenderResult;
}

/** Runs the cases in turn, `RUNS` rounds, so that a slower minute of the machine falls on all. */
async function measure(cases: [string, RenderFile][]): Promise<Measured[]> {
	const files = cases.map(([, content], i) => {
		const file = join(dir, `case-${i}.json`);
		writeFileSync(file, JSON.stringify(content));
		return file;
	});
	const results = cases.map(() => [] as RenderResult[]);
	for (let r = 0; r < RUNS; r++)
		for (const [c, file] of files.entries()) results[c]!.push(await renderAlone(file));
	return cases.map(([label], c) => {
		const runs = results[c]!;
		const times = runs.map((x) => x.ms).sort((a, b) => a - b);
		return {
			label,
			ms: times[Math.floor(times.length / 2)]!,
			kb: Math.round(runs[0]!.bytes / 1024),
			peakMb: Math.max(...runs.map((x) => x.peakMb)),
			baselineMb: Math.max(...runs.map((x) => x.baselineMb)),
			sameBytes: new Set(runs.map((x) => x.sha256)).size === 1
		};
	});
}

const handle = await openMemoryPglite();
try {
	await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
	await importSample(handle.db, 'expenses');
	await importSample(handle.db, 'participation');
	const sizes = [1_000, 10_000, 20_000];
	const made = await makeProjects(handle, sizes.length, (i) => `R${sizes[i]! / 1000}K`, {
		id: null,
		email: 'bench@cofund.example'
	});
	for (const [i, size] of sizes.entries()) await addRows(handle, [made[i]!], 0, size);

	const job = async (project: string, template: string): Promise<RenderFile> => ({
		job: (await prepareDocument(handle.db, { project, template, lang: 'lv', date: DATE })).input
	});

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

	const measured = await measure([
		['council annex, SOLID', await job('SOLID', 'council-annex')],
		['final report, 1,000 expense rows', await job('R1K', 'final-report')],
		['final report, 10,000 expense rows', await job('R10K', 'final-report')],
		['final report, 20,000 expense rows', await job('R20K', 'final-report')],
		[
			'raw pdfmake, the same 10,000-row table',
			{ definition: raw, creationDate: `${DATE}T12:00:00Z` }
		]
	]);

	console.log(
		`documents benchmark: median of ${RUNS} runs, each render alone in a fresh process with a ` +
			`${WORKER_LIMITS.memoryMb} MB heap cap (the render worker's)\n`
	);
	console.log(
		`${'document'.padEnd(42)} ${'time'.padStart(8)} ${'size'.padStart(8)} ${'peak RSS'.padStart(10)} ${'baseline'.padStart(9)}`
	);
	for (const m of measured)
		console.log(
			`${m.label.padEnd(42)} ${(m.ms / 1000).toFixed(2).padStart(6)} s ${String(m.kb).padStart(5)} kB ${m.peakMb.toFixed(0).padStart(7)} MB ${m.baselineMb.toFixed(0).padStart(6)} MB${m.sameBytes ? '' : '  BYTES DIFFER BETWEEN RUNS'}`
		);

	const report = measured.find((m) => m.label.startsWith('final report, 10,000'))!;
	const table = measured.find((m) => m.label.startsWith('raw pdfmake'))!;
	const ratio = report.ms / table.ms;
	console.log(
		`\noverhead ratio (final report, 10,000 rows / raw table): ${ratio.toFixed(2)} (target ≤ ${RATIO_TARGET})`
	);
	console.log(
		`peak of the final report with 10,000 rows: ${report.peakMb.toFixed(0)} MB (target ≤ ${PEAK_TARGET_MB} MB)`
	);
	const ok =
		ratio <= RATIO_TARGET && report.peakMb <= PEAK_TARGET_MB && measured.every((m) => m.sameBytes);
	process.exitCode = ok ? 0 : 1;
} finally {
	await handle.close();
	rmSync(dir, { recursive: true, force: true });
}
