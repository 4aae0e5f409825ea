/**
 * `cofund import` on a terminal: the progress line, redrawn in place, and Ctrl-C, which cancels the
 * import with exit code 130 and leaves the database as it was. In process, with a terminal of the
 * test's own, so that Ctrl-C comes exactly when the test says.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, withEnv } from '$tests/factories/cli';
import { DEMO_TIMEOUT, demoCopy, prepareDemo } from '$tests/factories/demo-folder';
import { dbFingerprint } from '$tests/fixtures/db-fingerprint';
import { writeLedger } from '$tests/bench/ledger';
import { importCommand } from './commands/import';
import { CANCELLED_EXIT, terminalRun, type ImportTerminal } from './commands/import-terminal';
import { CliFailure, type CliContext } from './context';

const env = (dataDir: string) => ({
	COFUND_DATA_DIR: dataDir,
	DATABASE_URL: '',
	COFUND_USER: '',
	COFUND_DEMO_PASSWORD: 'demo password for tests'
});

/** A terminal that records what is drawn on it, with a Ctrl-C key the test presses. */
function fakeTerminal(isTTY: boolean) {
	const written: string[] = [];
	const exits: number[] = [];
	let handler: (() => void) | null = null;
	const terminal: ImportTerminal = {
		stderr: { isTTY, columns: 100, write: (text: string) => written.push(text) },
		onInterrupt(h) {
			handler = h;
			return () => (handler = null);
		},
		exit: (code) => void exits.push(code)
	};
	return { terminal, written, exits, interrupt: () => handler?.(), listening: () => !!handler };
}

const sample = (records: number, elapsedMs: number) => ({
	phase: 'reading' as const,
	bytes: records * 100,
	totalBytes: 10_000_000,
	records,
	elapsedMs
});

describe('the progress line and Ctrl-C', () => {
	it('redraws one line in place on a terminal, and clears it at the end', () => {
		const t = fakeTerminal(true);
		const run = terminalRun(t.terminal, 'en', { draw: true });
		for (let ms = 200; ms <= 3000; ms += 200) run.onProgress!(sample(ms * 10, ms));
		run.end();
		const drawn = t.written.filter((w) => w.startsWith('\r') && w.length > 4);
		expect(drawn.length).toBeGreaterThan(3);
		expect(drawn[0]).toBe('\r2,000 rows read · estimating the time left…\x1b[K');
		// 10,000 rows/s and 1 MB/s; 7 MB left at the end: 7 s, rounded up to 10 s.
		expect(drawn.at(-1)).toBe('\r30,000 rows read · 10,000 rows/s · about 10 s left\x1b[K');
		expect(t.written.at(-1)).toBe('\r\x1b[K');
		expect(t.written.join('')).not.toContain('\n');
		expect(t.listening()).toBe(false);
	});

	it('draws nothing without a terminal (CI, a pipe)', () => {
		const t = fakeTerminal(false);
		const run = terminalRun(t.terminal, 'lv', { draw: true });
		expect(run.onProgress).toBeUndefined();
		run.end();
		expect(t.written).toEqual([]);
	});

	it('cancels on the first Ctrl-C and quits on the second', () => {
		const t = fakeTerminal(false);
		const run = terminalRun(t.terminal, 'lv', { draw: true });
		t.interrupt();
		expect(run.signal.aborted).toBe(true);
		expect(t.written).toEqual(['Atceļ… (nospiediet Ctrl-C vēlreiz, lai izietu uzreiz)\n']);
		expect(t.exits).toEqual([]);
		t.interrupt();
		expect(t.exits).toEqual([CANCELLED_EXIT]);
		run.end();
	});
});

describe('cofund import cancelled with Ctrl-C', () => {
	beforeAll(() => prepareDemo(env('')), DEMO_TIMEOUT);

	it('says nothing was saved, exits 130, and leaves the database as it was', async () => {
		const dataDir = await demoCopy('cofund-cancel-');
		const file = join(dataDir, 'big-ledger.csv');
		await writeLedger(file, 20_000);
		const before = (await dbFingerprint(dataDir)).json;

		const t = fakeTerminal(true);
		// Ctrl-C as soon as the first progress line is drawn: rows are read, the file is kept.
		const write = t.terminal.stderr.write;
		t.terminal.stderr.write = (text: string) => {
			write(text);
			if (text.startsWith('\r') && text.length > 4) t.interrupt();
		};
		const out: string[] = [];
		const ctx: CliContext = {
			locale: 'en',
			actAs: 'coordinator@cofund.example',
			out: (line) => out.push(line),
			err: (line) => out.push(line)
		};
		const failure = await withEnv(env(dataDir), () =>
			importCommand('expenses', file, { project: 'SOLID' }, ctx, t.terminal).then(
				() => null,
				(error: unknown) => error
			)
		);
		expect(failure).toBeInstanceOf(CliFailure);
		expect((failure as CliFailure).exitCode).toBe(CANCELLED_EXIT);
		expect((failure as CliFailure).message).toBe('The import was cancelled; nothing was saved.');
		expect(t.written).toContain('Cancelling… (press Ctrl-C again to quit at once)\n');
		expect(t.exits).toEqual([]);
		expect(out).toEqual([]);
		expect((await dbFingerprint(dataDir)).json).toBe(before);
	}, 300_000);

	it('names the exit code in the help', async () => {
		const help = await runCli(['--lang', 'en', 'import', 'expenses', '--help'], env(''));
		expect(help.out).toContain('130 cancelled with Ctrl-C (nothing was saved)');
		const lv = await runCli(['--lang', 'lv', 'import', 'expenses', '--help'], env(''));
		expect(lv.out).toContain('130 — atcelts ar Ctrl-C (nekas netika saglabāts)');
	});
});
