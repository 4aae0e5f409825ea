/**
 * A data folder with the demo loaded (SOLID and one user per role), for CLI tests: `cofund demo`
 * runs once per test file and each test gets a copy of its folder. A demo is a fresh embedded
 * database, its migrations, the samples imported and five passwords hashed; on a busy 2-core
 * machine that is many seconds, and most CLI tests used to start with one.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli';

type Env = Record<string, string | undefined>;

let made: Promise<string> | undefined;

async function makeDemo(env: Env): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'cofund-demo-'));
	const demo = await runCli(['--lang', 'en', 'demo'], { ...env, COFUND_DATA_DIR: dir });
	expect(demo.code, demo.err).toBe(0);
	return dir;
}

/**
 * Runs `cofund demo` once for the test file, with `env`; call it from `beforeAll` with
 * DEMO_TIMEOUT.
 */
export async function prepareDemo(env: Env): Promise<void> {
	made ??= makeDemo(env);
	await made;
}

/**
 * Measured: about 51 s in the test's own process on a 2-core machine shared by several test runs
 * at once (load average 15); several times that.
 */
export const DEMO_TIMEOUT = 240_000;

/**
 * A fresh copy of the demo's data folder (closed cleanly, so a copy of its files is the same
 * database), with its audit key and anchor file.
 */
export async function demoCopy(prefix: string): Promise<string> {
	if (!made) throw new Error('prepareDemo() first, in beforeAll');
	const dir = mkdtempSync(join(tmpdir(), prefix));
	cpSync(await made, dir, { recursive: true });
	return dir;
}
