/**
 * The load benchmark's round-robin HTTP proxy, run as a process of its own as a proxy is in
 * production, so that it shares no event loop with the load tool or an instance:
 *
 *   node --import tsx tests/bench/load-proxy.ts <port> <instance origin>…
 *
 * It keeps keep-alive connections to each instance and says "ready" once it listens.
 */
import { createServer, request, Agent } from 'node:http';

/** Requests without a body, which the proxy may send again. */
const BODILESS = new Set(['GET', 'HEAD']);

const [port, ...origins] = process.argv.slice(2);
const targets = origins.map((origin) => new URL(origin));
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
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
server.listen(Number(port), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => {
	server.closeAllConnections();
	server.close();
	agent.destroy();
	process.exit(0);
});
