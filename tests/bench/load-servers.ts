/**
 * The load benchmark's servers: the built app (`node build`) started on a database, and a small
 * round-robin proxy in front of several instances. The app is its own process, as in production,
 * so that the load tool in this one does not share its event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
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

export interface Proxy extends Running {
	/** The instances to send requests to, in turn. */
	route(targets: string[]): void;
}

/** Requests without a body, which the proxy may send again. */
const BODILESS = new Set(['GET', 'HEAD']);

/** A round-robin HTTP proxy on BASE_PORT, with keep-alive connections to each instance. */
export async function startProxy(): Promise<Proxy> {
	const agent = new Agent({ keepAlive: true, maxSockets: 64 });
	let targets: URL[] = [];
	let next = 0;
	const server = createServer((req, res) => {
		const target = targets[next++ % targets.length]!;
		const send = (retry: boolean) => {
			const forward = request(
				{
					agent,
					host: target.hostname,
					port: target.port,
					method: req.method,
					path: req.url,
					headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' }
				},
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				}
			);
			forward.on('error', (error: NodeJS.ErrnoException) => {
				// A kept-alive connection the instance closed just as it was reused: as Node's
				// documentation advises (and as nginx does for a request without a body), the
				// request goes again on a fresh one; anything else is a 502.
				if (retry && forward.reusedSocket && error.code === 'ECONNRESET') return send(false);
				if (!res.headersSent) res.writeHead(502);
				res.end();
			});
			if (BODILESS.has(req.method ?? '')) forward.end();
			else req.pipe(forward);
		};
		send(BODILESS.has(req.method ?? ''));
	});
	server.listen(BASE_PORT, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		route(list) {
			targets = list.map((t) => new URL(t));
		},
		async stop() {
			server.closeAllConnections();
			server.close();
			agent.destroy();
		}
	};
}
