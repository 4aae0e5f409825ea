/**
 * Dashboard benchmark: does the project dashboard stay as fast when the database holds a
 * thousand times more expenses?
 *
 *   npm run bench:dashboard                       1,000 then 1,000,000 rows over 100 projects
 *   npm run bench:dashboard -- --engines pglite   one engine only
 *
 * For each engine it makes 100 projects (SOLID's plan under other codes), loads 1,000 expense
 * rows spread over them, times 50 loads of one project's dashboard data (after 5 warm-ups), then
 * loads rows up to 1,000,000 and times again. It prints the median and p95 of each size and the
 * ratio large / small (target ≤ 1.5). Rows are written by SQL (generate_series), not by the
 * importer, whose speed is measured by bench:import.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle, type Engine } from '$lib/server/db';
import { projectDashboard } from '$lib/server/dashboard/project-dashboard';
import { freshDatabase } from '$tests/factories/database';
import { addRows, makeProjects } from './expense-rows';

const { values: args } = parseArgs({
	options: {
		engines: { type: 'string' },
		small: { type: 'string', default: '1000' },
		large: { type: 'string', default: '1000000' },
		projects: { type: 'string', default: '100' },
		requests: { type: 'string', default: '50' }
	}
});
const PROJECTS = Number(args.projects);
const REQUESTS = Number(args.requests);
const SMALL = Number(args.small);
const LARGE = Number(args.large);
const TARGET = 1.5;
const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
const engines = (args.engines?.split(',') ?? ['pglite', 'postgres']).filter(
	(e): e is Engine => e === 'pglite' || (e === 'postgres' && !!serverUrl)
);
const actor = { id: null, email: 'bench@cofund.example' };
const code = (i: number) => `P${String(i + 1).padStart(3, '0')}`;

async function timeDashboard(handle: DatabaseHandle) {
	for (let i = 0; i < 5; i++) await projectDashboard(handle.db, code(0), '2026-11');
	const times: number[] = [];
	for (let i = 0; i < REQUESTS; i++) {
		const started = performance.now();
		await projectDashboard(handle.db, code(0), '2026-11');
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
	return { median: at(0.5), p95: at(0.95) };
}

const results: { engine: Engine; size: number; median: number; p95: number }[] = [];
for (const engine of engines) {
	let handle: DatabaseHandle;
	let folder: string | undefined;
	if (engine === 'pglite') {
		folder = await mkdtemp(join(tmpdir(), 'cofund-bench-dash-'));
		handle = await openDatabase({ dataDir: folder }, 'bench:dashboard');
	} else handle = await freshDatabase('postgres');
	try {
		console.log(`${engine}: ${PROJECTS} projects …`);
		const made = await makeProjects(handle, PROJECTS, code, actor);
		await addRows(handle, made, 0, SMALL);
		const small = await timeDashboard(handle);
		results.push({ engine, size: SMALL, ...small });
		console.log(
			`  ${SMALL.toLocaleString('en')} rows: median ${small.median.toFixed(1)} ms, p95 ${small.p95.toFixed(1)} ms`
		);
		await addRows(handle, made, SMALL, LARGE);
		const large = await timeDashboard(handle);
		results.push({ engine, size: LARGE, ...large });
		console.log(
			`  ${LARGE.toLocaleString('en')} rows: median ${large.median.toFixed(1)} ms, p95 ${large.p95.toFixed(1)} ms`
		);
	} finally {
		await handle.close();
		if (folder) await rm(folder, { recursive: true, force: true });
	}
}

console.log(
	'\n| engine | expense rows | median ms | p95 ms | large / small (median) | target | result |'
);
console.log('| --- | ---: | ---: | ---: | ---: | --- | --- |');
for (const engine of engines) {
	const [small, large] = results.filter((r) => r.engine === engine);
	if (!small || !large) continue;
	const ratio = large.median / small.median;
	for (const r of [small, large]) {
		const last = r === large;
		console.log(
			`| ${engine} | ${r.size.toLocaleString('en')} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${last ? ratio.toFixed(2) : ''} | ${last ? `≤ ${TARGET}` : ''} | ${last ? (ratio <= TARGET ? 'met' : 'MISSED') : ''} |`
		);
	}
}
