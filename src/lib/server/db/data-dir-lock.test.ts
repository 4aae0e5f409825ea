import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';

const freshDir = () => mkdtempSync(join(tmpdir(), 'cofund-lock-'));

describe('the data folder lock', () => {
	it('refuses a second holder, naming the first', () => {
		const dir = freshDir();
		const lock = acquireDataDirLock(dir, 'first');
		try {
			expect(() => acquireDataDirLock(dir, 'second')).toThrow(DataDirLockedError);
			try {
				acquireDataDirLock(dir, 'second');
			} catch (error) {
				expect((error as DataDirLockedError).holder).toMatchObject({
					pid: process.pid,
					purpose: 'first'
				});
			}
		} finally {
			lock.release();
		}
		const again = acquireDataDirLock(dir, 'third');
		expect(JSON.parse(readFileSync(again.path, 'utf8')).purpose).toBe('third');
		again.release();
	});

	it('takes over a lock left by a process that is gone', () => {
		const dir = freshDir();
		const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default, so never alive
		writeFileSync(
			join(dir, 'cofund.lock'),
			JSON.stringify({ pid: deadPid, host: hostname(), purpose: 'crashed', since: '' })
		);
		const lock = acquireDataDirLock(dir, 'after crash');
		expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
		lock.release();
	});

	it('respects a lock held by another live process', () => {
		const dir = freshDir();
		writeFileSync(
			join(dir, 'cofund.lock'),
			JSON.stringify({ pid: process.ppid, host: hostname(), purpose: 'parent', since: '' })
		);
		expect(() => acquireDataDirLock(dir, 'me')).toThrow(/in use by process/);
	});

	it('respects a lock file that its owner has only just created', () => {
		const dir = freshDir();
		writeFileSync(join(dir, 'cofund.lock'), '');
		expect(() => acquireDataDirLock(dir, 'me')).toThrow(DataDirLockedError);
	});
});
