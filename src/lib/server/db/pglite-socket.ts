/**
 * Serves the app's own PGlite to local clients (the cofund CLI) over a Unix socket in the data
 * folder, readable by the folder's owner only, one whole transaction at a time.
 *
 * PGlite is a single Postgres session. Forwarding each client's messages as they arrive would let
 * a CLI's BEGIN … COMMIT interleave with the app's own queries, which would then run inside the
 * CLI's transaction (or the CLI's inside the app's). So a client takes PGlite's transaction mutex,
 * the one PGlite's own query(), exec() and transaction() take, from its first message until
 * Postgres reports the session idle again (ReadyForQuery 'I'): the app waits for a client's
 * transaction to end, and a client for the app's. A client that goes away, or sits idle inside a
 * transaction too long, has its transaction rolled back before anyone else runs.
 *
 * Written here rather than taken from @electric-sql/pglite-socket: each of its releases pins one
 * exact PGlite version as a peer (none of them ours, so `npm ci` refuses it), and its queue orders
 * single messages, not transactions, which is the hazard above.
 */
import type { PGlite } from '@electric-sql/pglite';
import { chmodSync, renameSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';

export const SOCKET_FILE = 'cofund.sock';

/** Linux's limit for a Unix socket's path (sun_path is 108 bytes with its NUL). */
const MAX_SOCKET_PATH = 107;
/** A client idle inside a transaction this long is cut off, so the app is never held for good. */
const IDLE_IN_TRANSACTION_MS = 120_000;

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

export interface SocketServer {
	readonly path: string;
	close(): Promise<void>;
}

export function fitsSocketPath(path: string): boolean {
	return Buffer.byteLength(path) <= MAX_SOCKET_PATH;
}

/** A simple-query message ('Q'), for the server's own ROLLBACK. */
function simpleQuery(text: string): Buffer {
	const body = Buffer.from(`${text}\0`, 'utf8');
	const head = Buffer.alloc(5);
	head.write('Q', 0);
	head.writeInt32BE(body.length + 4, 1);
	return Buffer.concat([head, body]);
}

/** The transaction status of the last ReadyForQuery in a reply ('I', 'T', 'E'), if it has one. */
export function readyStatus(reply: Uint8Array): string | undefined {
	const view = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
	let status: string | undefined;
	for (let at = 0; at + 5 <= view.length; at += 1 + view.readInt32BE(at + 1)) {
		if (view[at] === 0x5a && at + 5 < view.length) status = String.fromCharCode(view[at + 5]!);
	}
	return status;
}

/** One client's conversation with PGlite: its messages, in order, and its hold on the session. */
class Session {
	private pending: Buffer = Buffer.alloc(0);
	private started = false;
	private work: Promise<void> = Promise.resolve();
	private release: (() => void) | null = null;
	private idleTimer: NodeJS.Timeout | undefined;

	constructor(
		private readonly pg: PGlite,
		private readonly socket: Socket
	) {
		socket.on('data', (chunk: Buffer) => this.receive(chunk));
		socket.on('error', () => socket.destroy());
		socket.on('close', () => {
			clearTimeout(this.idleTimer);
			this.then(() => this.rollBackIfHeld());
		});
	}

	/** Resolves when everything this client sent has run and its hold is let go. */
	get done(): Promise<void> {
		return this.work;
	}

	private then(step: () => Promise<void>): void {
		this.work = this.work.then(step).catch((error: unknown) => {
			console.error('cofund: a database socket client failed:', error);
			this.socket.destroy();
		});
	}

	private receive(chunk: Buffer): void {
		clearTimeout(this.idleTimer);
		this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
		const { batch, settles } = this.takeWhole();
		if (batch.length) this.then(() => this.run(batch, settles));
	}

	/**
	 * The complete messages received so far (a message cut between chunks waits for its rest), and
	 * whether they end where Postgres may report the session idle: after a start-up, a simple query
	 * or a Sync. A Parse or Bind still waiting for its Sync keeps the session this client's, or
	 * another statement could replace its unnamed statement in between.
	 */
	private takeWhole(): { batch: Buffer; settles: boolean } {
		let at = 0;
		let settles = false;
		const whole: Buffer[] = [];
		while (!this.started) {
			if (this.pending.length - at < 8) break;
			const length = this.pending.readInt32BE(at);
			if (this.pending.length - at < length) break;
			const code = this.pending.readInt32BE(at + 4);
			const message = this.pending.subarray(at, at + length);
			at += length;
			if (code === SSL_REQUEST || code === GSSENC_REQUEST) this.socket.write('N');
			else if (code === CANCEL_REQUEST) this.socket.end();
			else {
				this.started = true;
				settles = true;
				whole.push(message);
			}
		}
		while (this.started && this.pending.length - at >= 5) {
			const length = 1 + this.pending.readInt32BE(at + 1);
			if (this.pending.length - at < length) break;
			if (this.pending[at] === 0x58) {
				// Terminate: the client is done; closing runs the clean-up.
				this.socket.end();
				at = this.pending.length;
				break;
			}
			settles = this.pending[at] === 0x53 || this.pending[at] === 0x51; // Sync, Query
			whole.push(this.pending.subarray(at, at + length));
			at += length;
		}
		this.pending = Buffer.from(this.pending.subarray(at));
		return { batch: Buffer.concat(whole), settles };
	}

	private async hold(): Promise<void> {
		if (this.release) return;
		await new Promise<void>((held) => {
			void this.pg._runExclusiveTransaction(
				() =>
					new Promise<void>((letGo) => {
						this.release = letGo;
						held();
					})
			);
		});
	}

	private letGo(): void {
		const release = this.release;
		this.release = null;
		release?.();
	}

	private async execute(message: Uint8Array): Promise<Uint8Array> {
		return this.pg._runExclusiveQuery(() => this.pg.execProtocolRaw(message));
	}

	private async run(batch: Buffer, settles: boolean): Promise<void> {
		clearTimeout(this.idleTimer);
		await this.hold();
		const reply = await this.execute(batch);
		if (!this.socket.destroyed) this.socket.write(reply);
		if (settles && readyStatus(reply) === 'I') return this.letGo();
		// Inside a transaction (or mid-way through an extended query): the session stays this
		// client's until it finishes, but not for ever.
		this.idleTimer = setTimeout(() => this.socket.destroy(), IDLE_IN_TRANSACTION_MS);
		this.idleTimer.unref();
	}

	private async rollBackIfHeld(): Promise<void> {
		if (!this.release) return;
		try {
			// Sync first: a failed extended query ignores everything up to the next Sync.
			await this.execute(Buffer.concat([SYNC, simpleQuery('ROLLBACK')]));
		} finally {
			this.letGo();
		}
	}
}

/**
 * Listens on `path` (any file there is a leftover: the caller holds the folder's lock). The
 * socket is made under a temporary name, closed to everyone but its owner, and only then renamed
 * into place, so no one else can connect in between.
 */
export async function serveOverSocket(pg: PGlite, path: string): Promise<SocketServer> {
	rmSync(path, { force: true });
	const temporary = `${path}.${process.pid}.tmp`;
	rmSync(temporary, { force: true });
	const sessions = new Set<Session>();
	const sockets = new Set<Socket>();
	const server: Server = createServer((socket) => {
		const session = new Session(pg, socket);
		sessions.add(session);
		sockets.add(socket);
		socket.on('close', () => {
			sockets.delete(socket);
			void session.done.then(() => sessions.delete(session));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(temporary, () => {
			server.off('error', reject);
			resolve();
		});
	});
	try {
		chmodSync(temporary, 0o600);
		renameSync(temporary, path);
	} catch (error) {
		server.close();
		rmSync(temporary, { force: true });
		throw error;
	}
	const removeFile = () => rmSync(path, { force: true });
	process.on('exit', removeFile);
	let closing: Promise<void> | undefined;
	return {
		path,
		close: () =>
			(closing ??= (async () => {
				process.off('exit', removeFile);
				const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
				for (const socket of sockets) socket.destroy();
				await stopped;
				await Promise.all([...sessions].map((session) => session.done));
				removeFile();
			})())
	};
}
