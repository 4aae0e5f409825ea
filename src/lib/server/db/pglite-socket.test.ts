import { sql } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, socketPathOf, type DatabaseHandle, type Queryable } from '.';
import { DataDirLockedError } from './data-dir-lock';

const freshDir = () => mkdtempSync(join(tmpdir(), 'cofund-sock-'));
const open: DatabaseHandle[] = [];

async function openAs(dataDir: string, purpose: string, serve = false) {
	const handle = await openDatabase({ dataDir }, purpose, { serve });
	open.push(handle);
	return handle;
}

afterEach(async () => {
	// Clients before the server that serves them.
	for (const handle of open.reverse()) await handle.close();
	open.length = 0;
});

async function names(db: Queryable): Promise<string[]> {
	const rows = await queryRows<{ name: string }>(
		db,
		sql`select name from socket_probe order by name`
	);
	return rows.map((r) => r.name);
}

/** A promise with its resolver, to say "this point is reached" without waiting on a clock. */
function signal() {
	let fire!: () => void;
	const fired = new Promise<void>((resolve) => (fire = resolve));
	return { fire, fired };
}

/** A wire-protocol message: its type, then its length and body. */
function message(type: string, ...parts: (string | number)[]): Buffer {
	const body = Buffer.concat(
		parts.map((part) => {
			if (typeof part === 'string') return Buffer.from(`${part}\0`);
			const int16 = Buffer.alloc(2);
			int16.writeInt16BE(part);
			return int16;
		})
	);
	const head = Buffer.alloc(5);
	head.write(type, 0);
	head.writeInt32BE(body.length + 4, 1);
	return Buffer.concat([head, body]);
}

/** A client that speaks the protocol by hand, to stop where postgres.js never would. */
async function rawClient(path: string) {
	const socket = connect(path);
	let received = Buffer.alloc(0);
	let waiting: (() => void) | undefined;
	socket.on('data', (chunk: Buffer) => {
		received = Buffer.concat([received, chunk]);
		waiting?.();
	});
	const types = () => {
		const seen: { type: string; body: Buffer }[] = [];
		for (let at = 0; at + 5 <= received.length; at += 1 + received.readInt32BE(at + 1)) {
			const end = at + 1 + received.readInt32BE(at + 1);
			if (end > received.length) break;
			seen.push({ type: String.fromCharCode(received[at]!), body: received.subarray(at + 5, end) });
		}
		return seen;
	};
	/** Sends, then waits until a reply of type `until` has come. */
	const send = (bytes: Buffer, until: string) =>
		new Promise<{ type: string; body: Buffer }[]>((resolve) => {
			received = Buffer.alloc(0);
			waiting = () => {
				const seen = types();
				if (seen.some((m) => m.type === until)) resolve(seen);
			};
			socket.write(bytes);
		});
	const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
	const startup = Buffer.alloc(8);
	startup.writeInt32BE(8 + params.length, 0);
	startup.writeInt32BE(196608, 4);
	await send(Buffer.concat([startup, params]), 'Z');
	const status = () => {
		const ready = types().filter((m) => m.type === 'Z');
		return String.fromCharCode(ready[ready.length - 1]!.body[0]!);
	};
	return { socket, send, status };
}

class Rollback extends Error {}

// Each test creates a PGlite folder or two, which takes seconds on a busy machine.
describe('the embedded database served to the CLI over a socket', { timeout: 180_000 }, () => {
	it('is reached through the socket while an app serves the folder, else opened directly', async () => {
		const dataDir = freshDir();
		const direct = await openAs(dataDir, 'cli alone');
		expect(direct.location).toBe(dataDir);
		expect(existsSync(socketPathOf(dataDir))).toBe(false);
		await direct.close();
		open.length = 0;

		await openAs(dataDir, 'app', true);
		const socketPath = socketPathOf(dataDir);
		expect(statSync(socketPath).isSocket()).toBe(true);
		expect(statSync(socketPath).mode & 0o777).toBe(0o600);
		const viaSocket = await openAs(dataDir, 'cli beside the app');
		expect(viaSocket.location).toContain(socketPath);
		const rows = await queryRows<{ n: number }>(viaSocket.db, sql`select 1 + 1 as n`);
		expect(rows[0]!.n).toBe(2);
	});

	it('refuses a second server on the folder, naming the first, which keeps working', async () => {
		const dataDir = freshDir();
		const app = await openAs(dataDir, 'first app', true);
		const second = openDatabase({ dataDir }, 'second app', { serve: true });
		await expect(second).rejects.toThrow(DataDirLockedError);
		await expect(second).rejects.toMatchObject({
			holder: { pid: process.pid, purpose: 'first app', serves: true }
		});
		const rows = await queryRows<{ n: number }>(app.db, sql`select 3 as n`);
		expect(rows[0]!.n).toBe(3);
		expect(statSync(socketPathOf(dataDir)).isSocket()).toBe(true);
	});

	it('runs an app transaction and a socket transaction one after the other, never mixed', async () => {
		const dataDir = freshDir();
		const app = await openAs(dataDir, 'app', true);
		const cli = await openAs(dataDir, 'cli');
		await app.db.execute(sql`create table socket_probe (name text primary key)`);

		// The CLI's transaction writes, lets the app try to read and write meanwhile, then rolls
		// back. Were the app's statements run inside it, the app would see the CLI's row and lose its
		// own with the rollback.
		const cliInside = signal();
		const appRead: { names?: string[] } = {};
		let appWroteWhileCliHeld = false;
		const cliTx = cli.db
			.transaction(async (tx) => {
				await tx.execute(sql`insert into socket_probe values ('cli')`);
				cliInside.fire();
				for (let i = 0; i < 20; i++) await tx.execute(sql`select pg_sleep(0)`);
				appWroteWhileCliHeld = appRead.names !== undefined;
				expect(await names(tx)).toEqual(['cli']);
				throw new Rollback();
			})
			.catch((error: unknown) => {
				if (!(error instanceof Rollback)) throw error;
			});
		await cliInside.fired;
		await app.db.execute(sql`insert into socket_probe values ('app')`);
		appRead.names = await names(app.db);
		await cliTx;
		expect(appWroteWhileCliHeld).toBe(false);
		expect(appRead.names).toEqual(['app']);

		// And the other way round: the app's transaction rolls back; the CLI's write is kept.
		const appInside = signal();
		let cliWroteWhileAppHeld = false;
		let cliDone = false;
		const appTx = app.db
			.transaction(async (tx) => {
				await tx.execute(sql`insert into socket_probe values ('app 2')`);
				appInside.fire();
				for (let i = 0; i < 20; i++) await tx.execute(sql`select pg_sleep(0)`);
				cliWroteWhileAppHeld = cliDone;
				expect(await names(tx)).toEqual(['app', 'app 2']);
				throw new Rollback();
			})
			.catch((error: unknown) => {
				if (!(error instanceof Rollback)) throw error;
			});
		await appInside.fired;
		await cli.db.execute(sql`insert into socket_probe values ('cli 2')`);
		cliDone = true;
		await appTx;
		expect(cliWroteWhileAppHeld).toBe(false);
		expect(await names(app.db)).toEqual(['app', 'cli 2']);
		expect(await names(cli.db)).toEqual(['app', 'cli 2']);
	});

	it('rolls back the transaction of a client that goes away inside it', async () => {
		const dataDir = freshDir();
		const app = await openAs(dataDir, 'app', true);
		await app.db.execute(sql`create table socket_probe (name text primary key)`);

		// A raw client: start-up, then BEGIN and an insert, then it dies without a word.
		const client = await rawClient(socketPathOf(dataDir));
		await client.send(message('Q', "begin; insert into socket_probe values ('dead')"), 'Z');
		expect(client.status()).toBe('T');
		client.socket.destroy();

		// The app's next statement runs after the rollback, outside any transaction.
		expect(await names(app.db)).toEqual([]);
		await app.db.transaction(async (tx) => {
			await tx.execute(sql`insert into socket_probe values ('app')`);
		});
		expect(await names(app.db)).toEqual(['app']);
	});

	it("keeps the session a client's from its Parse to its Sync, so its statement is its own", async () => {
		const dataDir = freshDir();
		const app = await openAs(dataDir, 'app', true);
		const client = await rawClient(socketPathOf(dataDir));
		// Parse the unnamed statement and flush: the client has its ParseComplete, not yet a Sync.
		await client.send(
			Buffer.concat([message('P', '', "select 'the cli' as who", 0), message('H')]),
			'1'
		);
		// The app's own query (PGlite's, unnamed too) must wait, not replace the client's statement.
		const appAnswer = queryRows<{ who: string }>(app.db, sql`select 'the app' as who`);
		const rows = await client.send(
			// Bind (no parameters, text results), Execute (all rows), Sync.
			Buffer.concat([message('B', '', '', 0, 0, 0), message('E', '', 0, 0), message('S')]),
			'Z'
		);
		expect(rows.filter((m) => m.type === 'D').map((m) => m.body.subarray(6).toString())).toEqual([
			'the cli'
		]);
		expect(await appAnswer).toEqual([{ who: 'the app' }]);
		client.socket.destroy();
	});

	it('starts over a folder whose server was killed, removing the stale socket', async () => {
		const dataDir = freshDir();
		const socketPath = socketPathOf(dataDir);
		// A process that listens on the socket and is then killed leaves the file behind.
		const child = spawn(process.execPath, [
			'-e',
			`require('net').createServer().listen(${JSON.stringify(socketPath)}, () => console.log('up'))`
		]);
		await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
		const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGKILL');
		await gone;
		expect(statSync(socketPath).isSocket()).toBe(true);
		writeFileSync(
			join(dataDir, 'cofund.lock'),
			JSON.stringify({
				pid: child.pid,
				host: hostname(),
				purpose: 'cofund web app',
				since: new Date().toISOString(),
				serves: true
			})
		);

		const app = await openAs(dataDir, 'app', true);
		const cli = await openAs(dataDir, 'cli');
		expect(cli.location).toContain(socketPath);
		const rows = await queryRows<{ n: number }>(cli.db, sql`select 4 as n`);
		expect(rows[0]!.n).toBe(4);

		await cli.close();
		await app.close();
		open.length = 0;
		expect(existsSync(socketPath)).toBe(false);
		expect(existsSync(join(dataDir, 'cofund.lock'))).toBe(false);
	});
});
