/**
 * Import benchmark: how far is a full cofund import from the physical floor (the raw parse plus
 * a COPY of the same rows into a bare table with expenses' keys and indexes), how much memory
 * does it take, and does the app still answer while it runs?
 *
 *   npm run bench:import                    1,000,000 rows (about 110 MB)
 *   npm run bench:import -- --rows 20000    a quick check
 *   npm run bench:import -- --stages        also time the import's phases: check, staging, commit
 *   npm run bench:import -- --engines pglite
 *   npm run bench:import -- --floor-fk      the floor table also gets expenses' foreign key
 *   npm run bench:import -- --probe pglite,postgres   the responsiveness probe on both engines
 *   npm run bench:import -- --skip-probe --skip-xlsx
 *
 * It writes a ledger in the dialect of static/samples/solid/ledger.csv to a temp file, then, per
 * engine (a fresh PGlite in a temp folder; a fresh database on the server at TEST_DATABASE_URL,
 * when set), times:
 * (1) the floor: papaparse streaming parse + COPY of the SOLID rows into a bare `expenses` copy;
 * (2) a committed cofund import of the same file;
 * (3) with the probe (PGlite by default): a dry run, then a commit, of the file while a read
 *     request (another project's dashboard, the imports list) is issued every 250 ms;
 * and at the end (4) the same rows as an XLSX workbook imported on the first engine.
 * Targets: import / floor ≤ 3 on PGlite and ≤ 2 on PostgreSQL, peak RSS ≤ 512 MB, a fresh
 * PGlite folder made within 512 MB, probe p95 ≤ 2 s.
 * A missed target is printed as MISSED and still exits 0: this measures, it does not test. It
 * exits 1 only when a result is wrong (rows or totals not what the file holds).
 *
 * PostgreSQL runs only with TEST_DATABASE_URL set, on a throwaway database dropped afterwards:
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:import
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { execFile } from 'node:child_process';
import { promisify, parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DatabaseHandle, type Engine } from '$lib/server/db';
import { projectDashboard } from '$lib/server/dashboard/project-dashboard';
import { fileSource } from '$lib/server/import/byte-source';
import { ImportFileError } from '$lib/server/import/import-errors';
import { loadImportProject } from '$lib/server/import/import-project';
import { importHistoryPage } from '$lib/server/import/list-imports';
import { runImport, type ImportProjectRef, type ImportResult } from '$lib/server/import/run-import';
import { applyProjectDefinition } from '$lib/server/projects/apply-definition';
import { freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { makeProjects } from './expense-rows';
import { copyFloor, FLOOR_TABLE, makeFloorTable, parseLedger, type FloorResult } from './floor';
import { writeLedger, writeLedgerXlsx, type LedgerStats } from './ledger';
import { probeWhile, type ProbeStats } from './probe';
import { stagedImport, type StageTimes } from './stages';

const TARGETS = { pglite: 3, postgres: 2, rssMb: 512, probeP95Ms: 2000 };
const ENGINE_NAMES: Record<Engine, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };
const actor = { id: null, email: 'bench@cofund.example' };
/** The project the probe reads, and whose batch the floor's rows name. */
const OTHER = 'OTHER';

const { values: args } = parseArgs({
	options: {
		rows: { type: 'string', default: '1000000' },
		engines: { type: 'string' },
		stages: { type: 'boolean', default: false },
		'floor-fk': { type: 'boolean', default: false },
		probe: { type: 'string', default: 'pglite' },
		'skip-probe': { type: 'boolean', default: false },
		'skip-xlsx': { type: 'boolean', default: false },
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
const available = (engine: string): engine is Engine =>
	engine === 'pglite' || (engine === 'postgres' && !!serverUrl);
const engines: Engine[] = (args.engines?.split(',') ?? ['pglite', 'postgres']).filter(available);
const probed: Engine[] = args['skip-probe']
	? []
	: args.probe
			.split(',')
			.filter(available)
			.filter((e) => engines.includes(e));

/** A full collection between phases, so one phase's garbage is not counted in the next. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// ---- memory: sampled every 100 ms, and the kernel's high-water mark (VmHWM), reset per phase
// through /proc/self/clear_refs, which catches what a sample misses while WASM holds the thread.

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

/** The process's highest VmHWM over every phase, since each phase resets it. */
let processHwm = vmHwm() ?? 0;

function resetHwm() {
	processHwm = Math.max(processHwm, vmHwm() ?? 0);
	try {
		writeFileSync('/proc/self/clear_refs', '5');
	} catch {
		// Not Linux, or not allowed: VmHWM then is the process's peak so far, still an upper bound.
	}
}

/** The peak RSS since the last call (VmHWM, then reset), for the parts of one phase. */
const peakSince = () => {
	const hwm = vmHwm() ?? 0;
	resetHwm();
	return hwm;
};

interface Timed<T> {
	value: T;
	seconds: number;
	/** process.memoryUsage() at the highest sampled RSS while it ran. */
	peak: NodeJS.MemoryUsage;
	/** The phase's peak RSS: the larger of the samples and VmHWM. */
	peakRss: number;
}

async function timed<T>(run: () => Promise<T>): Promise<Timed<T>> {
	collectGarbage();
	resetHwm();
	phasePeak = process.memoryUsage();
	const started = performance.now();
	const value = await run();
	const seconds = (performance.now() - started) / 1000;
	sample();
	const hwm = vmHwm() ?? 0;
	processHwm = Math.max(processHwm, hwm);
	return { value, seconds, peak: phasePeak, peakRss: Math.max(phasePeak.rss, hwm) };
}

/** "V8 heap 120/180 MB, external 40 MB (array buffers 30 MB)" */
const breakdown = (usage: NodeJS.MemoryUsage) =>
	`V8 heap ${mb(usage.heapUsed)}/${mb(usage.heapTotal)} MB used/reserved, ` +
	`external ${mb(usage.external)} MB (array buffers ${mb(usage.arrayBuffers)} MB)`;

// ---- fresh databases: SOLID, and another project with one batch.

/**
 * A PGlite folder is made in a child process by the app's own first start, openDatabase on a new
 * folder (unpacked from the template, or initdb when the template does not match this PGlite;
 * then the migrations), and the projects added; the child's peak memory (VmHWM) is the figure for
 * a first start. This process only opens the folder, as the app does on every later start.
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

async function addProjects(handle: DatabaseHandle) {
	await applyProjectDefinition(handle.db, solidDefinition(), { actor });
	await makeProjects(handle, 1, () => OTHER, actor);
}

async function prepareHere(dataDir: string) {
	const handle = await openDatabase({ dataDir }, 'import benchmark set-up');
	try {
		await addProjects(handle);
	} finally {
		await handle.close();
	}
	console.log(JSON.stringify({ hwm: vmHwm() }));
}

interface Fresh {
	handle: DatabaseHandle;
	project: ImportProjectRef;
	other: { id: number; batch: number };
	/** Peak RSS of the child that made the PGlite folder. */
	setupHwm: number | null;
	cleanup: () => Promise<void>;
}

async function projectsOf(handle: DatabaseHandle) {
	const project = await loadImportProject(handle.db, 'SOLID');
	if (!project) throw new Error('SOLID was not created');
	const [other] = await queryRows<{ id: number; batch: number }>(
		handle.db,
		sql`select p.id, b.id as batch from projects p join import_batches b on b.project_id = p.id
			where p.code = ${OTHER}`
	);
	if (!other) throw new Error(`${OTHER} was not created`);
	return { project, other: { id: Number(other.id), batch: Number(other.batch) } };
}

async function openFresh(engine: Engine): Promise<Fresh> {
	if (engine === 'postgres') {
		const handle = await freshDatabase('postgres');
		try {
			await addProjects(handle);
			return { handle, ...(await projectsOf(handle)), setupHwm: null, cleanup: handle.close };
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
			return { handle, ...(await projectsOf(handle)), setupHwm, cleanup };
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

// ---- (1) the floor

interface FloorRun {
	timing: Timed<FloorResult>;
	problems: string[];
}

async function floorOn(engine: Engine, path: string, ledger: LedgerStats): Promise<FloorRun> {
	return withProject(engine, async ({ handle, other }) => {
		await makeFloorTable(handle, args['floor-fk']);
		const timing = await timed(() =>
			copyFloor(handle, path, { projectId: other.id, batchId: other.batch })
		);
		const [row] = await queryRows<{ count: string; cents: string | null }>(
			handle.db,
			sql.raw(
				`select count(*)::text as count, sum(amount_cents)::text as cents from ${FLOOR_TABLE}`
			)
		);
		const problems: string[] = [];
		if (Number(row?.count) !== ledger.solid)
			problems.push(`floor stored ${row?.count} rows, expected ${ledger.solid}`);
		if (Number(row?.cents ?? 0) !== ledger.solidCents)
			problems.push(`floor stored ${row?.cents} cents, expected ${ledger.solidCents}`);
		return { timing, problems };
	});
}

// ---- (2) the import

function checkResult(
	report: ImportResult['report'],
	ledger: LedgerStats,
	stored?: { count: number; cents: number }
): string[] {
	const problems: string[] = [];
	if (report.accepted.count !== ledger.solid) {
		problems.push(`accepted ${report.accepted.count}, expected ${ledger.solid}`);
	}
	if (report.accepted.totalCents !== ledger.solidCents) {
		problems.push(`accepted ${report.accepted.totalCents} cents, expected ${ledger.solidCents}`);
	}
	if (stored && stored.count !== ledger.solid) {
		problems.push(`stored ${stored.count} rows, expected ${ledger.solid}`);
	}
	if (stored && stored.cents !== ledger.solidCents) {
		problems.push(`stored ${stored.cents} cents, expected ${ledger.solidCents}`);
	}
	if (report.setAside.byReason['other-project'].count !== ledger.other) {
		problems.push(
			`set aside ${report.setAside.byReason['other-project'].count} of other projects, expected ${ledger.other}`
		);
	}
	if (report.rejected.count > 0) problems.push(`${report.rejected.count} rejected`);
	return problems;
}

async function storedExpenses(handle: DatabaseHandle) {
	const [row] = await queryRows<{ count: string; cents: string | null }>(
		handle.db,
		sql`select count(*)::text as count, sum(amount_cents)::text as cents from expenses
			where reverted_at is null`
	);
	return { count: Number(row?.count ?? 0), cents: Number(row?.cents ?? 0) };
}

const importFile = (
	{ handle, project }: Fresh,
	path: string,
	mode: 'dry-run' | 'commit'
): Promise<ImportResult> =>
	fileSource(path).then((source) =>
		runImport(handle.db, {
			project,
			kind: 'expenses',
			input: { source },
			profile: {},
			actor,
			mode
		})
	);

interface ImportRun {
	engine: Engine;
	/** RSS with the database open, before the import. */
	rssBefore: number;
	setupHwm: number | null;
	timing: Timed<ImportResult>;
	problems: string[];
	floor: FloorRun;
	probe?: { check: ProbeStats; commit: ProbeStats; problems: string[] };
	stages?: Timed<StageTimes>;
}

async function importInto(
	engine: Engine,
	path: string,
	ledger: LedgerStats
): Promise<Omit<ImportRun, 'floor'>> {
	return withProject(engine, async (fresh) => {
		collectGarbage();
		const rssBefore = process.memoryUsage().rss;
		const timing = await timed(() => importFile(fresh, path, 'commit'));
		const problems = checkResult(timing.value.report, ledger, await storedExpenses(fresh.handle));
		return { engine, rssBefore, setupHwm: fresh.setupHwm, timing, problems };
	});
}

// ---- (3) the probe: typical reads of another project while a check, then a commit, runs.

async function probeOn(engine: Engine, path: string, ledger: LedgerStats) {
	return withProject(engine, async (fresh) => {
		const { db } = fresh.handle;
		const requests = [
			() => projectDashboard(db, OTHER),
			() => importHistoryPage(db, fresh.other.id)
		];
		const check = await probeWhile(() => importFile(fresh, path, 'dry-run'), requests);
		const commit = await probeWhile(() => importFile(fresh, path, 'commit'), requests);
		const problems = [
			...checkResult(check.value.report, ledger).map((p) => `check: ${p}`),
			...checkResult(commit.value.report, ledger, await storedExpenses(fresh.handle)).map(
				(p) => `commit: ${p}`
			)
		];
		return { check: check.stats, commit: commit.stats, problems };
	});
}

async function stagesOn(engine: Engine, path: string): Promise<Timed<StageTimes>> {
	return withProject(engine, ({ handle, project }) =>
		timed(() => stagedImport(handle.db, path, project, actor.email, peakSince))
	);
}

// ---- (4) the same rows from an XLSX workbook

type XlsxRun =
	| { available: true; seconds: number; peakRss: number; problems: string[] }
	| { available: false; code: string };

async function xlsxOn(engine: Engine, path: string, ledger: LedgerStats): Promise<XlsxRun> {
	return withProject(engine, async (fresh) => {
		try {
			const timing = await timed(() => importFile(fresh, path, 'commit'));
			const problems = checkResult(timing.value.report, ledger, await storedExpenses(fresh.handle));
			return { available: true, seconds: timing.seconds, peakRss: timing.peakRss, problems };
		} catch (error) {
			if (error instanceof ImportFileError) return { available: false, code: error.failure.code };
			throw error;
		}
	});
}

// ---- report

const mb = (bytes: number) => (bytes / MB).toFixed(1);
const secs = (seconds: number) => seconds.toFixed(2);
const ms = (millis: number) => (millis / 1000).toFixed(2);
const count = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
const missedBy = (value: number, target: number, unit = '') =>
	value <= target
		? 'met'
		: `MISSED by ${(value - target).toFixed(2)}${unit} (${((100 * (value - target)) / target).toFixed(0)} % over)`;

function printStages(engine: Engine, stages: Timed<StageTimes>, floor: FloorRun, parse: number) {
	const s = stages.value;
	const copy = Math.max(0, floor.timing.seconds - parse);
	const p = s.peaks;
	// Peak RSS is per part of a run: the check's for its two rows, the commit's reading for staging.
	const rows: [string, number, number | null][] = [
		['read, decode and parse (the raw papaparse parse)', parse, null],
		['judge and look up, a batch at a time (check − parse)', Math.max(0, s.check - parse), p.check],
		['stage the new rows (commit read phase − check)', Math.max(0, s.commitRead - s.check), p.read],
		["the commit's transaction: the file's copy kept", s.steps.original, p.original],
		['… the staged rows moved into expenses (and the batch row)', s.steps.rows, p.rows],
		["… the dashboards' sums added (and the audit event)", s.steps.sums, p.sums],
		['… the COMMIT, with every row’s deferred key to its batch', s.steps.finishing, p.finishing],
		[
			'… the rest (the transaction begun, the batch number taken)',
			Math.max(0, s.commitWrite - Object.values(s.steps).reduce((a, b) => a + b, 0)),
			null
		]
	];
	const total = s.commitRead + s.commitWrite;
	console.log(`\nWhere a commit's time goes, ${ENGINE_NAMES[engine]} (runImport's own phases):\n`);
	console.log('| step | seconds | share | peak RSS MB |');
	console.log('| --- | ---: | ---: | ---: |');
	for (const [name, seconds, peak] of rows) {
		const share = ((100 * seconds) / total).toFixed(1);
		console.log(`| ${name} | ${secs(seconds)} | ${share} % | ${peak ? mb(peak) : ''} |`);
	}
	console.log(`| **commit, all of it** | **${secs(total)}** | 100 % | |`);
	console.log(
		`\n(the floor's COPY of the same rows: ${secs(copy)} s; the check alone ${secs(s.check)} s; ` +
			`peak RSS ${mb(Math.max(...Object.values(p)))} MB; ${count(s.accepted)} rows committed)`
	);
}

const probeLine = (what: string, p: ProbeStats) =>
	`${what}: ${p.count} requests${p.failed ? ` (${p.failed} failed)` : ''}, p50 ${ms(p.p50)} s, ` +
	`p95 ${ms(p.p95)} s, p99 ${ms(p.p99)} s, max ${ms(p.max)} s ` +
	`(target p95 ≤ ${ms(TARGETS.probeP95Ms)} s: ${verdict(p.p95 <= TARGETS.probeP95Ms)})`;

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
		const raw = await timed(() => parseLedger(path));
		console.log(`  ${count(raw.value)} records in ${secs(raw.seconds)} s`);

		const runs: ImportRun[] = [];
		for (const engine of engines) {
			const name = ENGINE_NAMES[engine];
			console.log(
				`Floor on a fresh ${name}: raw parse + COPY into ${FLOOR_TABLE} ` +
					`(${args['floor-fk'] ? 'with' : 'without'} the foreign key) …`
			);
			const floor = await floorOn(engine, path, ledger);
			console.log(`  ${secs(floor.timing.seconds)} s: ${count(floor.timing.value.rows)} rows`);
			for (const problem of floor.problems) console.log(`  WRONG RESULT: ${problem}`);

			console.log(`Import into a fresh ${name} …`);
			const run: ImportRun = { ...(await importInto(engine, path, ledger)), floor };
			const r = run.timing.value.report;
			console.log(
				`  ${secs(run.timing.seconds)} s: ${count(r.records)} records, ${count(r.accepted.count)} accepted, ` +
					`${count(r.setAside.count)} set aside, ${count(r.rejected.count)} rejected`
			);
			for (const problem of run.problems) console.log(`  WRONG RESULT: ${problem}`);

			if (probed.includes(engine)) {
				console.log(
					`Probe on another fresh ${name}: a check, then a commit, with a read every 250 ms …`
				);
				run.probe = await probeOn(engine, path, ledger);
				console.log(`  ${probeLine('check', run.probe.check)}`);
				console.log(`  ${probeLine('commit', run.probe.commit)}`);
				for (const problem of run.probe.problems) console.log(`  WRONG RESULT: ${problem}`);
			}
			if (args.stages) {
				console.log(`  Phase by phase (a check, then a commit), into another fresh ${name} …`);
				run.stages = await stagesOn(engine, path);
			}
			runs.push(run);
		}

		let xlsx: { engine: Engine; run: XlsxRun; writeSeconds: number; bytes: number } | undefined;
		const xlsxEngine = engines[0];
		if (!args['skip-xlsx'] && xlsxEngine) {
			const xlsxPath = join(work, 'ledger.xlsx');
			console.log(`Writing the same rows as XLSX to ${xlsxPath} …`);
			const book = await timed(() => writeLedgerXlsx(xlsxPath, rowCount));
			console.log(`  ${mb(book.value.bytes)} MB in ${secs(book.seconds)} s`);
			console.log(`XLSX import into a fresh ${ENGINE_NAMES[xlsxEngine]} …`);
			const run = await xlsxOn(xlsxEngine, xlsxPath, ledger);
			xlsx = { engine: xlsxEngine, run, writeSeconds: book.seconds, bytes: book.value.bytes };
			if (run.available)
				for (const problem of run.problems) console.log(`  WRONG RESULT: ${problem}`);
		}

		const hwm = Math.max(processHwm, vmHwm() ?? 0);
		const peak = Math.max(peakRss, hwm);
		const rows = ledger.rows;
		const lines: string[] = [];
		lines.push(
			'| engine | import s | floor s (raw parse + COPY) | import / floor | target | import rows/s | floor rows/s | import peak RSS MB | fresh folder VmHWM MB | probe p95 s (check / commit) |'
		);
		lines.push('| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
		for (const run of runs) {
			const ratio = run.timing.seconds / run.floor.timing.seconds;
			const target = TARGETS[run.engine];
			lines.push(
				`| ${ENGINE_NAMES[run.engine]} | ${secs(run.timing.seconds)} | ${secs(run.floor.timing.seconds)} ` +
					`| ${ratio.toFixed(2)} | ≤ ${target}: ${verdict(ratio <= target)} ` +
					`| ${count(rows / run.timing.seconds)} | ${count(rows / run.floor.timing.seconds)} ` +
					`| ${mb(run.timing.peakRss)} | ${run.setupHwm ? mb(run.setupHwm) : ''} ` +
					`| ${run.probe ? `${ms(run.probe.check.p95)} / ${ms(run.probe.commit.p95)}` : ''} |`
			);
		}

		console.log('\nResults:');
		console.log(`  rows          ${count(rows)} (+ header), ${count(ledger.solid)} to store`);
		console.log(`  RSS at start  ${mb(rssStart)} MB (Node, tsx and the modules loaded)`);
		console.log(`  file          ${mb(ledger.bytes)} MB`);
		console.log(`  raw parse     ${secs(raw.seconds)} s (${count(raw.value)} papaparse records)`);
		for (const run of runs) {
			const name = ENGINE_NAMES[run.engine].padEnd(13);
			const floorSeconds = run.floor.timing.seconds;
			const ratio = run.timing.seconds / floorSeconds;
			console.log(
				`  ${name} import ${secs(run.timing.seconds)} s (${count(rows / run.timing.seconds)} rows/s), ` +
					`floor ${secs(floorSeconds)} s (${count(rows / floorSeconds)} rows/s; COPY alone ` +
					`${secs(Math.max(0, floorSeconds - raw.seconds))} s), import / floor ${ratio.toFixed(2)} ` +
					`(target ≤ ${TARGETS[run.engine]}): ${missedBy(ratio, TARGETS[run.engine])}`
			);
			console.log(
				`  ${name} RSS ${mb(run.rssBefore)} MB with the database open, peak ${mb(run.timing.peakRss)} MB ` +
					`in the import (target ≤ ${TARGETS.rssMb} MB: ${missedBy(run.timing.peakRss / MB, TARGETS.rssMb, ' MB')}; ` +
					`at the highest sample ${breakdown(run.timing.peak)}), ${mb(run.floor.timing.peakRss)} MB in the floor`
			);
			if (run.setupHwm !== null) {
				console.log(
					`  ${name} making a fresh folder (openDatabase on a new folder, projects) in a child: VmHWM ` +
						`${mb(run.setupHwm)} MB (target ≤ ${TARGETS.rssMb} MB: ${missedBy(run.setupHwm / MB, TARGETS.rssMb, ' MB')})`
				);
			}
			if (run.probe) {
				console.log(`  ${name} ${probeLine('probe during the check', run.probe.check)}`);
				console.log(`  ${name} ${probeLine('probe during the commit', run.probe.commit)}`);
			}
		}
		if (xlsx) {
			const csv = runs.find((run) => run.engine === xlsx.engine)!;
			const { run } = xlsx;
			if (run.available) {
				console.log(
					`  XLSX import: ${secs(run.seconds)} s on ${ENGINE_NAMES[xlsx.engine]} against ` +
						`${secs(csv.timing.seconds)} s from CSV (× ${(run.seconds / csv.timing.seconds).toFixed(2)}), ` +
						`peak RSS ${mb(run.peakRss)} MB; workbook ${mb(xlsx.bytes)} MB, written in ${secs(xlsx.writeSeconds)} s`
				);
				lines.push(
					`| ${ENGINE_NAMES[xlsx.engine]}, from XLSX | ${secs(run.seconds)} | | ` +
						`| | ${count(rows / run.seconds)} | | ${mb(run.peakRss)} | | |`
				);
			} else console.log(`  XLSX import: not available (${run.code})`);
		}
		const rssMet = peak <= TARGETS.rssMb * MB;
		console.log(
			`  peak RSS      ${mb(peak)} MB over the whole run (sampled ${mb(peakRss)} MB, VmHWM ${mb(hwm)} MB; ` +
				`target ≤ ${TARGETS.rssMb} MB): ${rssMet ? 'met' : `MISSED by ${mb(peak - TARGETS.rssMb * MB)} MB`}`
		);
		console.log('\nMarkdown:\n');
		console.log(lines.join('\n'));
		for (const run of runs) {
			if (run.stages) printStages(run.engine, run.stages, run.floor, raw.seconds);
		}
		const wrong = runs.filter(
			(run) => run.problems.length || run.floor.problems.length || run.probe?.problems.length
		);
		const xlsxWrong = xlsx?.run.available && xlsx.run.problems.length > 0;
		if (wrong.length || xlsxWrong) {
			const where = wrong.map((run) => ENGINE_NAMES[run.engine]);
			if (xlsxWrong) where.push('XLSX');
			console.log(`\nWRONG RESULT on ${where.join(', ')}: see above.`);
			process.exitCode = 1;
		}
	} finally {
		await rm(work, { recursive: true, force: true });
		clearInterval(sampler);
	}
}

if (args['prepare-pglite']) await prepareHere(args['prepare-pglite']);
else await main();
