/**
 * Load benchmark: a council session, where twenty readers open the portfolio and projects'
 * dashboards and expense tables at the same moment, against the built app.
 *
 *   npm run bench:load                                 every engine, 30 s per page
 *   npm run bench:load -- --engines pglite --duration 10 --no-build
 *   BENCH_PROF=/tmp/prof npm run bench:load …           and each server writes a CPU profile
 *
 * Engines: PGlite (the embedded default); PostgreSQL with one app instance; PostgreSQL with two
 * instances, the readers shared between them in turn (round-robin, as DNS or a client list
 * would), and the same two behind a small round-robin Node proxy in its own process
 * (load-proxy.ts). Each gets 100 projects with 1,000,000
 * expense rows between them (written by SQL, see expense-rows.ts) and 20 council members, each a
 * member of every project, who sign in through the login form. Each reader is its own autocannon
 * client with one connection and its own session cookie, asking for its page again as soon as
 * the last answer came; reader r looks at project r + 1. Then the readers load the dashboard
 * again while a coordinator makes the first project's final report (10,000 rows with the default
 * data) through the app, one after another: rendering runs in a worker, and the readers must keep
 * their targets meanwhile. For every page and engine it prints
 * requests/s, p50, p95 and p99 and the errors, and for a missed target the stage that holds it,
 * from the `Server-Timing` the app answers with (COFUND_SERVER_TIMING=1): session lookup,
 * access check, queries, or the rest of the page (serialisation and rendering).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type DatabaseHandle } from '$lib/server/db';
import { freshDatabase } from '$tests/factories/database';
import { addRows, makeProjects } from './expense-rows';
import {
	addMaker,
	addReaders,
	MAKER_EMAIL,
	makeReports,
	READER_PASSWORD,
	signIn
} from './load-readers';
import { loadPage, type PageResult } from './load-run';
import { PROXY_ORIGIN, startApp, startProxy, type Running } from './load-servers';
import { STAGES } from '$lib/server/timing/request-timing';

const { values: args } = parseArgs({
	options: {
		engines: { type: 'string', default: 'pglite,postgres,postgres-2,postgres-2-proxy' },
		duration: { type: 'string', default: '30' },
		rows: { type: 'string', default: '1000000' },
		projects: { type: 'string', default: '100' },
		readers: { type: 'string', default: '20' },
		'no-build': { type: 'boolean', default: false }
	}
});
const DURATION = Number(args.duration);
const ROWS = Number(args.rows);
const PROJECTS = Number(args.projects);
const READERS = Number(args.readers);
const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
type EngineCase = 'pglite' | 'postgres' | 'postgres-2' | 'postgres-2-proxy';
const TARGET_MS: Record<EngineCase, number> = {
	pglite: 100,
	postgres: 50,
	'postgres-2': 50,
	'postgres-2-proxy': 50
};
const LABEL: Record<EngineCase, string> = {
	pglite: 'PGlite',
	postgres: 'PostgreSQL, 1 instance',
	'postgres-2': 'PostgreSQL, 2 instances',
	'postgres-2-proxy': 'PostgreSQL, 2 behind a proxy'
};
const cases = args.engines
	.split(',')
	.filter((e): e is EngineCase => e in TARGET_MS)
	.filter((e) => e === 'pglite' || !!serverUrl);
/** The app's stages, and the time a request waited outside them. */
const SHOWN = [...STAGES, 'queued'];
const actor = { id: null, email: 'bench@cofund.example' };
const code = (i: number) => `P${String(i + 1).padStart(3, '0')}`;

const PAGES = [
	{ name: 'dashboard', path: (r: number) => `/projects/${code(r % PROJECTS)}/dashboard` },
	{ name: 'portfolio', path: () => '/portfolio' },
	{
		name: 'expenses (filtered)',
		path: (r: number) => `/projects/${code(r % PROJECTS)}/expenses?year=2018&code=2121&sort=-amount`
	}
];

async function seed(handle: DatabaseHandle): Promise<string[]> {
	console.log(`  ${PROJECTS} projects, ${ROWS.toLocaleString('en')} expense rows …`);
	const made = await makeProjects(handle, PROJECTS, code, actor);
	await addRows(handle, made, 0, ROWS);
	await addMaker(handle.db);
	return addReaders(handle.db, READERS);
}

/** The page read while the final report of the first project is made, again and again. */
const DURING_REPORT = { name: 'dashboard, report made', path: PAGES[0]!.path };

/** Reader r signs in at, and reads from, `origins[r % origins.length]`; the maker uses the first. */
async function measure(engine: EngineCase, origins: string[], emails: string[]) {
	const base = origins[0]!;
	const cookies: string[] = [];
	for (const [r, email] of emails.entries())
		cookies.push(await signIn(origins[r % origins.length]!, email, READER_PASSWORD));
	const results: PageResult[] = [];
	const show = (result: PageResult) =>
		console.log(
			`  ${result.page.padEnd(24)} ${result.rps.toFixed(1).padStart(7)} req/s  p50 ${result.p50.toFixed(1)}  p95 ${result.p95.toFixed(1)}  p99 ${result.p99.toFixed(1)} ms  errors ${result.errors}${result.errorKinds ? ` (${result.errorKinds})` : ''}`
		);
	for (const page of PAGES) {
		const result = await loadPage(origins, page, cookies, DURATION);
		results.push(result);
		show(result);
	}
	// The readers again, while a coordinator makes the final report of 10,000 rows in a worker.
	const maker = await signIn(base, MAKER_EMAIL, READER_PASSWORD);
	let reading = true;
	const reports = makeReports(base, maker, code(0), () => !reading);
	const during = await loadPage(origins, DURING_REPORT, cookies, DURATION).finally(() => {
		reading = false;
	});
	const made = await reports;
	results.push(during);
	show(during);
	console.log(
		`  (${made.length} final reports of ${Math.round(ROWS / PROJECTS).toLocaleString('en')} rows made meanwhile, ${made.map((s) => s.toFixed(1)).join(', ')} s each)`
	);
	return results.map((r) => ({ engine, ...r }));
}

if (!args['no-build']) {
	console.log('building the app …');
	const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

const table: (PageResult & { engine: EngineCase })[] = [];
let pgHandle: DatabaseHandle | undefined;
let pgUrl: string | undefined;
let pgEmails: string[] = [];
try {
	for (const engine of cases) {
		console.log(`${LABEL[engine]}:`);
		const running: Running[] = [];
		let folder: string | undefined;
		try {
			if (engine === 'pglite') {
				folder = await mkdtemp(join(tmpdir(), 'cofund-bench-load-'));
				const handle = await openDatabase({ dataDir: folder }, 'bench:load');
				let emails: string[];
				try {
					emails = await seed(handle);
				} finally {
					await handle.close();
				}
				const app = await startApp({ COFUND_DATA_DIR: folder }, 0);
				running.push(app);
				table.push(...(await measure(engine, [app.origin], emails)));
			} else {
				if (!pgHandle) {
					pgHandle = await freshDatabase('postgres');
					pgEmails = await seed(pgHandle);
					const url = new URL(serverUrl!);
					url.pathname = `/${pgHandle.location}`;
					pgUrl = url.toString();
				}
				const instances = engine === 'postgres' ? 1 : 2;
				const proxied = engine === 'postgres-2-proxy';
				const apps: Running[] = [];
				for (let i = 0; i < instances; i++)
					apps.push(
						await startApp({ DATABASE_URL: pgUrl! }, i, proxied ? PROXY_ORIGIN : undefined)
					);
				running.push(...apps);
				const proxy = proxied ? await startProxy(apps.map((a) => a.origin)) : undefined;
				if (proxy) running.push(proxy);
				const origins = proxy ? [proxy.origin] : apps.map((a) => a.origin);
				table.push(...(await measure(engine, origins, pgEmails)));
			}
		} finally {
			for (const r of running.reverse()) await r.stop();
			if (folder) await rm(folder, { recursive: true, force: true });
		}
	}
} finally {
	await pgHandle?.close();
}

const ms = (n: number) => n.toFixed(1);
console.log(
	`\n${READERS} readers, ${DURATION} s per page, ${ROWS.toLocaleString('en')} expense rows over ${PROJECTS} projects\n`
);
console.log('| engine | page | req/s | p50 ms | p95 ms | p99 ms | errors | target p95 | result |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
let missed = 0;
for (const r of table) {
	const met = r.p95 <= TARGET_MS[r.engine] && r.errors === 0;
	if (!met) missed++;
	console.log(
		`| ${LABEL[r.engine]} | ${r.page} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ≤ ${TARGET_MS[r.engine]} | ${met ? 'met' : 'MISSED'} |`
	);
}
console.log('\nwhere the time goes (mean ms per request, from Server-Timing):\n');
console.log(`| engine | page | ${SHOWN.join(' | ')} | total in app |`);
console.log(`| --- | --- | ${SHOWN.map(() => '---:').join(' | ')} | ---: |`);
for (const r of table)
	console.log(
		`| ${LABEL[r.engine]} | ${r.page} | ${SHOWN.map((s) => ms(r.stages[s] ?? 0)).join(' | ')} | ${ms(r.stages.total ?? 0)} |`
	);
for (const r of table) {
	if (r.p95 <= TARGET_MS[r.engine] && r.errors === 0) continue;
	const [stage, time] = SHOWN.map((s) => [s, r.stages[s] ?? 0] as const).sort(
		(a, b) => b[1] - a[1]
	)[0]!;
	console.log(
		`MISSED ${LABEL[r.engine]}, ${r.page}: p95 ${ms(r.p95)} ms > ${TARGET_MS[r.engine]} ms${r.errors ? `, ${r.errors} errors (${r.errorKinds})` : ''}; held by ${stage} (${ms(time)} ms of ${ms(r.stages.total ?? 0)} ms in the app, mean)`
	);
}
process.exitCode = missed === 0 ? 0 : 1;
