/**
 * Import benchmark: how much slower is a full cofund import than parsing the same CSV with
 * papaparse alone, and how much memory does it take?
 *
 *   npm run bench:import                    1,000,000 rows (about 110 MB)
 *   npm run bench:import -- --rows 20000    a quick check
 *   npm run bench:import -- --stages        also time each step of the import on its own
 *   npm run bench:import -- --engines pglite
 *
 * It writes a ledger in the dialect of static/samples/solid/ledger.csv to a temp file, then times
 * (1) the raw papaparse streaming parse, (2) a committed import into a fresh PGlite in a temp
 * folder, (3) the same into a fresh database on the server at TEST_DATABASE_URL, when set.
 * Targets: import / raw parse ≤ 6 on PGlite and ≤ 4 on PostgreSQL, peak RSS ≤ 512 MB.
 * A missed target is printed as MISSED and still exits 0: this measures, it does not test. It
 * exits 1 only when an import's result is wrong (rows or totals not what the file holds).
 *
 * PostgreSQL runs only with TEST_DATABASE_URL set, on a throwaway database dropped afterwards:
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:import
 */
import Papa from 'papaparse';
import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { execFile } from 'node:child_process';
import { promisify, parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DatabaseHandle, type Engine } from '$lib/server/db';
import { fileSource } from '$lib/server/import/byte-source';
import { loadImportProject } from '$lib/server/import/import-project';
import { runImport, type ImportProjectRef, type ImportResult } from '$lib/server/import/run-import';
import { applyProjectDefinition } from '$lib/server/projects/apply-definition';
import { freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { writeLedger, type LedgerStats } from './ledger';
import { stagedImport, type StageTimes } from './stages';

const TARGETS = { pglite: 6, postgres: 4, rssMb: 512 };
const ENGINE_NAMES: Record<Engine, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };
const actor = { id: null, email: 'bench@cofund.example' };

const { values: args } = parseArgs({
	options: {
		rows: { type: 'string', default: '1000000' },
		engines: { type: 'string' },
		stages: { type: 'boolean', default: false },
		'prepare-pglite': { type: 'string' }
	}
});
const execFileAsync = promisify(execFile);
const rowCount = Number(args.rows);
if (!Number.isInteger(rowCount) || rowCount < 1) {
	console.error(`--rows wants a positive whole number, not ${args.rows}`);
	process.exit(2);
}
const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
const engines: Engine[] = (args.engines?.split(',') ?? ['pglite', 'postgres']).filter(
	(engine): engine is Engine => engine === 'pglite' || (engine === 'postgres' && !!serverUrl)
);

/** A full collection between phases, so one phase's garbage is not counted in the next. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// ---- memory: sampled every 100 ms, per phase and overall; VmHWM catches what a sample misses.

const MB = 1024 * 1024;
let peakRss = process.memoryUsage().rss;
/** The whole of process.memoryUsage() when the current phase's RSS was highest. */
let phasePeak = process.memoryUsage();
const sample = () => {
	const usage = process.memoryUsage();
	if (usage.rss > peakRss) peakRss = usage.rss;
	if (usage.rss > phasePeak.rss) phasePeak = usage;
};
const sampler = setInterval(sample, 100);
sampler.unref();

function vmHwm(): number | null {
	try {
		const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null;
	}
}

interface Timed<T> {
	value: T;
	seconds: number;
	/** process.memoryUsage() at the highest sampled RSS while it ran. */
	peak: NodeJS.MemoryUsage;
}

async function timed<T>(run: () => Promise<T>): Promise<Timed<T>> {
	phasePeak = process.memoryUsage();
	const started = performance.now();
	const value = await run();
	const seconds = (performance.now() - started) / 1000;
	sample();
	return { value, seconds, peak: phasePeak };
}

/** "V8 heap 120/180 MB, external 40 MB (array buffers 30 MB)" */
const breakdown = (usage: NodeJS.MemoryUsage) =>
	`V8 heap ${mb(usage.heapUsed)}/${mb(usage.heapTotal)} MB used/reserved, ` +
	`external ${mb(usage.external)} MB (array buffers ${mb(usage.arrayBuffers)} MB)`;

// ---- (1) the raw parse: file → TextDecoder → papaparse, with cofund's settings.

async function rawParse(path: string): Promise<number> {
	async function* text() {
		const decoder = new TextDecoder('utf-8', { fatal: true });
		for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
			const part = decoder.decode(chunk as Buffer, { stream: true });
			if (part) yield part;
		}
		const tail = decoder.decode();
		if (tail) yield tail;
	}
	return new Promise<number>((resolve, reject) => {
		let rows = 0;
		Papa.parse<string[]>(Readable.from(text(), { objectMode: true }) as unknown as File, {
			delimiter: ';',
			newline: '\r\n',
			quoteChar: '"',
			skipEmptyLines: false,
			chunk: (results) => {
				rows += results.data.length;
			},
			complete: () => resolve(rows),
			error: (error: Error) => reject(error)
		});
	});
}

// ---- (2, 3) the import, on a fresh database of each engine.

/**
 * A PGlite's first start runs initdb, which alone takes the process to 800-900 MB RSS that it
 * never gives back. An import always meets an existing data folder, so the folder is made (initdb,
 * migrations, the SOLID project) in a child process, and this process only opens it.
 */
async function preparePglite(dataDir: string): Promise<number | null> {
	const { stdout } = await execFileAsync(
		process.execPath,
		[...process.execArgv, process.argv[1]!, '--prepare-pglite', dataDir],
		{ encoding: 'utf8' }
	);
	const last = stdout.trim().split('\n').pop() ?? '{}';
	return (JSON.parse(last) as { hwm: number | null }).hwm;
}

async function prepareHere(dataDir: string) {
	const handle = await openDatabase({ dataDir }, 'import benchmark set-up');
	try {
		await applyProjectDefinition(handle.db, solidDefinition(), { actor });
	} finally {
		await handle.close();
	}
	console.log(JSON.stringify({ hwm: vmHwm() }));
}

interface Fresh {
	handle: DatabaseHandle;
	project: ImportProjectRef;
	/** Peak RSS of the child that made the PGlite folder. */
	setupHwm: number | null;
	cleanup: () => Promise<void>;
}

async function openFresh(engine: Engine): Promise<Fresh> {
	const withSolid = async (handle: DatabaseHandle, apply: boolean) => {
		if (apply) await applyProjectDefinition(handle.db, solidDefinition(), { actor });
		const project = await loadImportProject(handle.db, 'SOLID');
		if (!project) throw new Error('SOLID was not created');
		return project;
	};
	if (engine === 'postgres') {
		const handle = await freshDatabase('postgres');
		try {
			const project = await withSolid(handle, true);
			return { handle, project, setupHwm: null, cleanup: () => handle.close() };
		} catch (error) {
			await handle.close();
			throw error;
		}
	}
	const dataDir = await mkdtemp(join(tmpdir(), 'cofund-bench-pglite-'));
	const removeDir = () => rm(dataDir, { recursive: true, force: true });
	try {
		const setupHwm = await preparePglite(dataDir);
		const handle = await openDatabase({ dataDir }, 'import benchmark');
		const cleanup = async () => {
			try {
				await handle.close();
			} finally {
				await removeDir();
			}
		};
		try {
			return { handle, project: await withSolid(handle, false), setupHwm, cleanup };
		} catch (error) {
			await cleanup();
			throw error;
		}
	} catch (error) {
		await removeDir();
		throw error;
	}
}

async function withProject<T>(engine: Engine, run: (fresh: Fresh) => Promise<T>): Promise<T> {
	const fresh = await openFresh(engine);
	try {
		return await run(fresh);
	} finally {
		await fresh.cleanup();
		collectGarbage();
	}
}

interface ImportRun {
	engine: Engine;
	/** RSS with the database open, before the import. */
	rssBefore: number;
	setupHwm: number | null;
	timing: Timed<ImportResult>;
	stored: number;
	problems: string[];
	stages?: Timed<StageTimes>;
}

async function importInto(engine: Engine, path: string, ledger: LedgerStats): Promise<ImportRun> {
	return withProject(engine, async ({ handle, project, setupHwm }) => {
		collectGarbage();
		const rssBefore = process.memoryUsage().rss;
		const timing = await timed(async () =>
			runImport(handle.db, {
				project,
				kind: 'expenses',
				input: { source: await fileSource(path) },
				profile: {},
				actor,
				mode: 'commit'
			})
		);
		const [row] = await queryRows<{ count: string; cents: string | null }>(
			handle.db,
			sql`select count(*)::text as count, sum(amount_cents)::text as cents from expenses`
		);
		const stored = Number(row?.count ?? 0);
		const report = timing.value.report;
		const problems: string[] = [];
		if (report.accepted.count !== ledger.solid) {
			problems.push(`accepted ${report.accepted.count}, expected ${ledger.solid}`);
		}
		if (stored !== ledger.solid) problems.push(`stored ${stored} rows, expected ${ledger.solid}`);
		if (Number(row?.cents ?? 0) !== ledger.solidCents) {
			problems.push(`stored ${row?.cents} cents, expected ${ledger.solidCents}`);
		}
		if (report.setAside.byReason['other-project'].count !== ledger.other) {
			problems.push(
				`set aside ${report.setAside.byReason['other-project'].count} of other projects, expected ${ledger.other}`
			);
		}
		if (report.rejected.count > 0) problems.push(`${report.rejected.count} rejected`);
		return { engine, rssBefore, setupHwm, timing, stored, problems };
	});
}

async function stagesOn(engine: Engine, path: string): Promise<Timed<StageTimes>> {
	return withProject(engine, ({ handle, project }) =>
		timed(() => stagedImport(handle.db, path, project, actor.email))
	);
}

// ---- report

const mb = (bytes: number) => (bytes / MB).toFixed(1);
const secs = (seconds: number) => seconds.toFixed(2);
const count = (n: number) => n.toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

function printStages(engine: Engine, stages: Timed<StageTimes>, real: number) {
	const s = stages.value;
	// The array literals are built twice in the copy: once to time them, once in insertExpenses.
	const net = s.total - s.arrays;
	const known =
		s.sniff + s.storeSource + s.fileHash + s.parse + s.classify + s.label + s.rowKeys + s.insert;
	const rows: [string, number][] = [
		['sniff (first 64 KiB)', s.sniff],
		['storeSource (file into 1 MiB bytea chunks)', s.storeSource],
		['SHA-256 of the file on the second read', s.fileHash],
		['read + decode + papaparse (parseRecords)', s.parse],
		['classifyRecord + countOutcome', s.classify],
		['labelOf', s.label],
		['rowKey hashing + occurrences map', s.rowKeys],
		['insertExpenses: array literals (timed apart)', s.arrays],
		['insertExpenses: SQL round trips (the rest of it)', s.insert - s.arrays],
		['other (batch row, awaits, clocks)', net - known]
	];
	console.log(`\nWhere the time goes, ${ENGINE_NAMES[engine]} (step by step copy of runImport):\n`);
	console.log('| step | seconds | share |');
	console.log('| --- | ---: | ---: |');
	for (const [name, ms] of rows) {
		console.log(`| ${name} | ${secs(ms / 1000)} | ${((100 * ms) / net).toFixed(1)} % |`);
	}
	console.log(`| **total** | **${secs(net / 1000)}** | 100 % |`);
	console.log(
		`\n(runImport itself took ${secs(real)} s, the copy ${secs(net / 1000)} s; ` +
			`peak RSS ${mb(stages.peak.rss)} MB; ${count(s.accepted)} rows inserted)`
	);
}

async function main() {
	const work = await mkdtemp(join(tmpdir(), 'cofund-bench-'));
	const path = join(work, 'ledger.csv');
	try {
		console.log(`Writing ${count(rowCount)} ledger rows to ${path} …`);
		const written = await timed(() => writeLedger(path, rowCount));
		const ledger = written.value;
		console.log(
			`  ${mb(ledger.bytes)} MB in ${secs(written.seconds)} s: ${count(ledger.solid)} SOLID rows, ` +
				`${count(ledger.other)} of other projects`
		);
		if (!serverUrl) console.log('  TEST_DATABASE_URL is not set: PostgreSQL is skipped.');

		collectGarbage();
		const rssStart = process.memoryUsage().rss;
		console.log('Raw papaparse parse …');
		const raw = await timed(() => rawParse(path));
		console.log(`  ${count(raw.value)} records in ${secs(raw.seconds)} s`);

		const runs: ImportRun[] = [];
		for (const engine of engines) {
			console.log(`Import into a fresh ${ENGINE_NAMES[engine]} …`);
			const run = await importInto(engine, path, ledger);
			const r = run.timing.value.report;
			console.log(
				`  ${secs(run.timing.seconds)} s: ${count(r.records)} records, ${count(r.accepted.count)} accepted, ` +
					`${count(r.setAside.count)} set aside, ${count(r.rejected.count)} rejected`
			);
			for (const problem of run.problems) console.log(`  WRONG RESULT: ${problem}`);
			if (args.stages) {
				console.log(`  Step by step, into another fresh ${ENGINE_NAMES[engine]} …`);
				run.stages = await stagesOn(engine, path);
			}
			runs.push(run);
		}

		const hwm = vmHwm();
		const peak = Math.max(peakRss, hwm ?? 0);
		const lines: string[] = [];
		lines.push('| measure | rows | MB | seconds | × raw parse | target | peak RSS MB | result |');
		lines.push('| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |');
		lines.push(
			`| raw papaparse parse | ${count(ledger.rows)} | ${mb(ledger.bytes)} | ${secs(raw.seconds)} ` +
				`| 1.00 | | ${mb(raw.peak.rss)} | |`
		);
		for (const run of runs) {
			const ratio = run.timing.seconds / raw.seconds;
			const target = TARGETS[run.engine];
			lines.push(
				`| import, ${ENGINE_NAMES[run.engine]} | ${count(ledger.rows)} | ${mb(ledger.bytes)} ` +
					`| ${secs(run.timing.seconds)} | ${ratio.toFixed(2)} | ≤ ${target} | ${mb(run.timing.peak.rss)} ` +
					`| ${verdict(ratio <= target)} |`
			);
		}
		lines.push(
			`| peak RSS of the process (VmHWM) | | | | | ≤ ${TARGETS.rssMb} MB | ${mb(peak)} ` +
				`| ${verdict(peak <= TARGETS.rssMb * MB)} |`
		);

		console.log('\nResults:');
		console.log(`  rows          ${count(ledger.rows)} (+ header)`);
		console.log(`  RSS at start  ${mb(rssStart)} MB (Node, tsx and the modules loaded)`);
		console.log(`  file          ${mb(ledger.bytes)} MB`);
		console.log(`  raw parse     ${secs(raw.seconds)} s (${count(raw.value)} papaparse records)`);
		for (const run of runs) {
			const ratio = run.timing.seconds / raw.seconds;
			const target = TARGETS[run.engine];
			const met = ratio <= target;
			console.log(
				`  ${ENGINE_NAMES[run.engine].padEnd(13)} ${secs(run.timing.seconds)} s, ratio ${ratio.toFixed(2)} ` +
					`(target ≤ ${target}): ${met ? 'met' : `MISSED by ${(ratio - target).toFixed(2)} (${((100 * (ratio - target)) / target).toFixed(0)} % over)`}`
			);
		}
		for (const run of runs) {
			console.log(
				`  ${ENGINE_NAMES[run.engine].padEnd(13)} RSS ${mb(run.rssBefore)} MB with the database open, ` +
					`${mb(run.timing.peak.rss)} MB at the peak of the import ` +
					`(+${mb(run.timing.peak.rss - run.rssBefore)} MB; ${breakdown(run.timing.peak)})` +
					(run.setupHwm
						? `; making the folder (initdb) took ${mb(run.setupHwm)} MB in a child`
						: '')
			);
		}
		const rssMet = peak <= TARGETS.rssMb * MB;
		console.log(
			`  peak RSS      ${mb(peak)} MB (sampled ${mb(peakRss)} MB, VmHWM ${hwm === null ? 'n/a' : mb(hwm)} MB; ` +
				`target ≤ ${TARGETS.rssMb} MB): ${rssMet ? 'met' : `MISSED by ${mb(peak - TARGETS.rssMb * MB)} MB`}`
		);
		console.log('\nMarkdown:\n');
		console.log(lines.join('\n'));
		for (const run of runs) {
			if (run.stages) printStages(run.engine, run.stages, run.timing.seconds);
		}
		const wrong = runs.filter((run) => run.problems.length > 0);
		if (wrong.length) {
			console.log(
				`\nWRONG RESULT on ${wrong.map((run) => ENGINE_NAMES[run.engine]).join(', ')}: see above.`
			);
			process.exitCode = 1;
		}
	} finally {
		await rm(work, { recursive: true, force: true });
		clearInterval(sampler);
	}
}

if (args['prepare-pglite']) await prepareHere(args['prepare-pglite']);
else await main();
