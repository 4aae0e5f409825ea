/**
 * An exclusive lock on the embedded database's folder: two processes opening one PGlite data
 * directory would corrupt it, so the second is refused with a clear message instead.
 *
 * Written here rather than taken from proper-lockfile: that library keeps its lock fresh with a
 * timer and declares it compromised (and throws) when the event loop stalls for a while, which a
 * long PGlite query does. A lock file created with O_EXCL that names its owner's PID, and is taken
 * over only when that process is gone, has no such failure mode on one machine.
 */
import {
	closeSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	statSync,
	unlinkSync,
	writeSync
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface LockHolder {
	pid: number;
	host: string;
	purpose: string;
	since: string;
	/** A server that serves the folder to local clients over its socket (see pglite-socket.ts). */
	serves?: boolean;
}

export class DataDirLockedError extends Error {
	constructor(
		readonly dataDir: string,
		readonly holder: LockHolder
	) {
		super(
			`The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.purpose}).`
		);
		this.name = 'DataDirLockedError';
	}
}

export interface DataDirLock {
	readonly path: string;
	release(): void;
}

/** How long a lock file may stay empty (its owner died between creating and writing it). */
const EMPTY_GRACE_MS = 10_000;

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readHolder(path: string): LockHolder | null {
	try {
		const holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
		return Number.isInteger(holder.pid) ? holder : null;
	} catch {
		return null;
	}
}

/** Who holds the folder now, if anyone (a lock file left empty or unreadable names no one). */
export function lockHolderOf(dataDir: string): LockHolder | null {
	return readHolder(join(dataDir, 'cofund.lock'));
}

function isStale(path: string, holder: LockHolder | null): boolean {
	if (!holder) return Date.now() - statSync(path).mtimeMs > EMPTY_GRACE_MS;
	if (holder.host !== hostname()) return false; // another machine's process: cannot tell, so respect it
	return !isAlive(holder.pid);
}

function tryCreate(path: string, holder: LockHolder): boolean {
	let fd: number;
	try {
		fd = openSync(path, 'wx');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
	try {
		writeSync(fd, JSON.stringify(holder));
	} finally {
		closeSync(fd);
	}
	return true;
}

export function acquireDataDirLock(
	dataDir: string,
	purpose: string,
	{ serves = false }: { serves?: boolean } = {}
): DataDirLock {
	mkdirSync(dataDir, { recursive: true });
	const path = join(dataDir, 'cofund.lock');
	const me: LockHolder = {
		pid: process.pid,
		host: hostname(),
		purpose,
		since: new Date().toISOString(),
		...(serves ? { serves } : {})
	};

	for (let attempt = 0; !tryCreate(path, me); attempt++) {
		const holder = readHolder(path);
		if (attempt > 0 || !isStale(path, holder)) {
			throw new DataDirLockedError(dataDir, holder ?? { ...me, pid: -1, purpose: '?' });
		}
		// Move the stale file aside rather than delete it, so that of two processes racing to take
		// over, the loser finds the winner's fresh lock on its next try instead of removing it.
		try {
			renameSync(path, `${path}.stale-${process.pid}`);
			unlinkSync(`${path}.stale-${process.pid}`);
		} catch {
			// someone else took it over first; the next attempt sees their lock
		}
	}

	let held = true;
	const release = () => {
		if (!held) return;
		held = false;
		process.off('exit', release);
		if (readHolder(path)?.pid === process.pid) unlinkSync(path);
	};
	process.on('exit', release);
	return { path, release };
}
