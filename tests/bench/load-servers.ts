/**
 * The load benchmark's servers: the built app (`node build`) started on a database, and a small
 * round-robin proxy in front of several instances (load-proxy.ts). Each is its own process, as in
 * production, so that the load tool in this one does not share their event loops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface Running {
	origin: string;
	stop(): Promise<void>;
}

const BASE_PORT = Number(process.env.BENCH_PORT ?? 43100);
const READY_MS = 180_000;

async function waitReady(origin: string, child: ChildProcess, output: () => string) {
	const deadline = Date.now() + READY_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the app stopped:\n${output()}`);
		const answered = await fetch(`${origin}/login`).then(
			(r) => r.status,
			() => 0
		);
		if (answered === 200) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`the app did not answer within ${READY_MS / 1000} s:\n${output()}`);
}

/** Starts `node build` on the given database settings; instance n listens on BASE_PORT + n. */
export async function startApp(
	env: Record<string, string>,
	instance: number,
	publicOrigin?: string
): Promise<Running> {
	const port = BASE_PORT + 1 + instance;
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(
		process.execPath,
		[
			...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF] : []),
			'build/index.js'
		],
		{
			env: {
				...process.env,
				...env,
				HOST: '127.0.0.1',
				PORT: String(port),
				ORIGIN: publicOrigin ?? origin,
				COFUND_SERVER_TIMING: '1',
				NODE_ENV: 'production'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let output = '';
	child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
	await waitReady(origin, child, () => output);
	return {
		origin,
		async stop() {
			// What the server said besides starting, such as an error behind a 500, is shown.
			const said = output.split('\n').filter((line) => /error/i.test(line));
			if (said.length)
				console.log(`  instance ${instance} logged:\n    ${said.slice(-10).join('\n    ')}`);
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await once(child, 'exit');
		}
	};
}

/** Where the proxy listens: instances' apps are told it is their public origin. */
export const PROXY_ORIGIN = `http://127.0.0.1:${BASE_PORT}`;

/** Starts the round-robin proxy (load-proxy.ts) on BASE_PORT, in a process of its own. */
export async function startProxy(targets: string[]): Promise<Running> {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'tests/bench/load-proxy.ts', String(BASE_PORT), ...targets],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	);
	let said = '';
	child.stdout!.on('data', (d: Buffer) => (said += d.toString()));
	await waitReady(PROXY_ORIGIN, child, () => said);
	return {
		origin: PROXY_ORIGIN,
		async stop() {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await once(child, 'exit');
		}
	};
}
