/**
 * What `cofund import` does with the terminal while it runs: one progress line on stderr, redrawn
 * in place (only when stderr is a terminal: in CI and pipes, a redrawn line is noise), and Ctrl-C,
 * which cancels the import; a second Ctrl-C quits at once. Either way nothing is saved: the
 * commit is one transaction, rolled back on cancel and never committed when the process dies.
 */
import { estimate, nextRate, type ProgressRate } from '$lib/domain/import/progress-rate';
import type { ImportProgress } from '$lib/domain/import/result';
import type { Locale } from '$lib/domain/locale';
import { progressLine } from '$lib/i18n/progress-messages';
import { m } from '$lib/paraglide/messages.js';

/** The exit code of an import cancelled with Ctrl-C: 128 + SIGINT, as shells report it. */
export const CANCELLED_EXIT = 130;

/** Redraws at most this often: the eye reads no faster, and a slow terminal would lag. */
const REDRAW_EVERY_MS = 250;

/** The process's side of the terminal; tests give one of their own. */
export interface ImportTerminal {
	stderr: { isTTY?: boolean; columns?: number; write(text: string): unknown };
	/** Calls `handler` on each Ctrl-C until the returned function is called. */
	onInterrupt(handler: () => void): () => void;
	exit(code: number): void;
}

export const processTerminal: ImportTerminal = {
	stderr: process.stderr,
	onInterrupt(handler) {
		process.on('SIGINT', handler);
		return () => void process.off('SIGINT', handler);
	},
	exit: (code) => process.exit(code)
};

export interface TerminalRun {
	signal: AbortSignal;
	/** Given to the import as its onProgress; undefined when there is nothing to draw. */
	onProgress: ((p: ImportProgress) => void) | undefined;
	/** Clears the progress line and lets Ctrl-C go back to ending the process. */
	end(): void;
}

export function terminalRun(
	terminal: ImportTerminal,
	locale: Locale,
	options: { draw: boolean }
): TerminalRun {
	const controller = new AbortController();
	const { stderr } = terminal;
	const draw = options.draw && stderr.isTTY === true;
	let rate: ProgressRate | null = null;
	let drawn = false;
	let lastDraw = -Infinity;
	const clear = () => {
		if (drawn) stderr.write('\r\x1b[K');
		drawn = false;
	};
	const stop = terminal.onInterrupt(() => {
		if (controller.signal.aborted) return terminal.exit(CANCELLED_EXIT);
		controller.abort();
		clear();
		stderr.write(`${m.import_progress_cli_cancelling({}, { locale })}\n`);
	});
	const onProgress = draw
		? (p: ImportProgress) => {
				rate = nextRate(rate, p);
				if (controller.signal.aborted || p.elapsedMs - lastDraw < REDRAW_EVERY_MS) return;
				lastDraw = p.elapsedMs;
				// One line, never wrapped: a wrapped line cannot be redrawn with a carriage return.
				const width = Math.max(20, (stderr.columns ?? 80) - 1);
				stderr.write(`\r${progressLine(estimate(rate), locale).slice(0, width)}\x1b[K`);
				drawn = true;
			}
		: undefined;
	return {
		signal: controller.signal,
		onProgress,
		end() {
			clear();
			stop();
		}
	};
}
