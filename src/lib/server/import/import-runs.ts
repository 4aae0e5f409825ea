/**
 * The imports running in this process, each under a random id with the user who started it, so
 * that the page can cancel its own run. Only that user, or an admin, may cancel a run; the entry
 * is gone as soon as the run ends. The registry is per process: with several app instances on one
 * PostgreSQL, a cancel reaches the run only on the instance that runs it (elsewhere: not found).
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '$lib/domain/access';

interface Run {
	controller: AbortController;
	userId: string;
	projectId: number;
}

const runs = new Map<string, Run>();

export interface RunHandle {
	id: string;
	signal: AbortSignal;
	/** Removes the run from the registry; call it once the run has ended, however it ended. */
	end(): void;
	/** Aborts the run from within, as when the reader of a check has gone away. */
	abort(): void;
}

export function startRun(owner: { userId: string; projectId: number }): RunHandle {
	const id = randomUUID();
	const controller = new AbortController();
	runs.set(id, { controller, ...owner });
	return {
		id,
		signal: controller.signal,
		end: () => void runs.delete(id),
		abort: () => controller.abort()
	};
}

export type CancelOutcome = 'cancelled' | 'not-found' | 'forbidden';

/**
 * Cancels the run if `user` started it or is an admin. A run of another project, or one that has
 * ended, is not found: an id does not say more than that to someone who guesses it.
 */
export function cancelRun(
	id: string,
	projectId: number,
	user: { id: string; role: Role }
): CancelOutcome {
	const run = runs.get(id);
	if (!run || run.projectId !== projectId) return 'not-found';
	if (run.userId !== user.id && user.role !== 'admin') return 'forbidden';
	run.controller.abort();
	return 'cancelled';
}
