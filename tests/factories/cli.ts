/**
 * Runs a `cofund` command in the test's own process: the same `run()` that `src/cli/cofund.js`
 * calls, with its output captured and the environment it reads set for the call only. Spawning
 * the binary costs a second Node start and a tsx compile per call, which on a busy machine is
 * what made CLI tests run out of time; only a few tests spawn the real binary on purpose.
 */
import { run } from '../../src/cli/main';

export interface CliResult {
	code: number;
	/** What the command printed on standard output and standard error, as text. */
	out: string;
	err: string;
}

type Env = Record<string, string | undefined>;

function setEnv(values: Env): () => void {
	const saved: Env = {};
	for (const [key, value] of Object.entries(values)) {
		saved[key] = process.env[key];
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	}
	return () => setEnv(saved);
}

/** `work` with `env` over the process's environment, as `runCli` gives a command; for fixtures. */
export async function withEnv<T>(env: Env, work: () => Promise<T>): Promise<T> {
	const restoreEnv = setEnv(env);
	try {
		return await work();
	} finally {
		restoreEnv();
	}
}

type Write = typeof process.stdout.write;

/**
 * Captures the console and direct writes (commander prints help and usage errors with
 * process.stdout.write; opening a database warns with console.warn, which the test runner's
 * console would otherwise take past process.stderr). Commands run one at a time in a test file,
 * so swapping is safe.
 */
export function capture() {
	const out: string[] = [];
	const err: string[] = [];
	const saved = {
		log: console.log,
		info: console.info,
		warn: console.warn,
		error: console.error,
		stdout: process.stdout.write,
		stderr: process.stderr.write
	};
	const line =
		(into: string[]) =>
		(...parts: unknown[]) => {
			into.push(parts.map(String).join(' ') + '\n');
		};
	const write = (into: string[]) =>
		((chunk: string | Uint8Array) => {
			into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
			return true;
		}) as Write;
	console.log = line(out);
	console.info = line(out);
	console.warn = line(err);
	console.error = line(err);
	process.stdout.write = write(out);
	process.stderr.write = write(err);
	return {
		out,
		err,
		restore() {
			console.log = saved.log;
			console.info = saved.info;
			console.warn = saved.warn;
			console.error = saved.error;
			process.stdout.write = saved.stdout;
			process.stderr.write = saved.stderr;
		}
	};
}

/**
 * `cofund <args>` with `env` over the process's environment. `args` are what a person types
 * after `cofund`. An error the CLI would print as a stack trace is returned as code 1 with the
 * stack in `err`, so a test sees it as the person would.
 */
export async function runCli(args: string[], env: Env = {}): Promise<CliResult> {
	const restoreEnv = setEnv(env);
	const io = capture();
	let code: number;
	try {
		code = await run(['node', 'cofund', ...args]);
	} catch (error) {
		io.err.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
		code = 1;
	} finally {
		io.restore();
		restoreEnv();
		// run() leaves a command's own exit code here for cofund.js; the test runner must not see it.
		process.exitCode = undefined;
	}
	return { code, out: io.out.join(''), err: io.err.join('') };
}
