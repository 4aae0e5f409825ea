/**
 * A render thread yields the processor to the app's readers: on Linux it lowers its own
 * scheduling priority by 10 nice steps, for that thread alone (Linux schedules threads on their
 * own, and `setpriority` on a thread's id changes that thread only). A document then takes
 * longer only while readers want the cores; on an idle machine it renders as fast as before.
 * Elsewhere, or where the system refuses, the thread keeps the process's priority.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

export const RENDER_NICE = 10;

/** The calling thread's own id, from /proc/thread-self ("<pid>/task/<tid>"), or null. */
export function ownThreadId(): number | null {
	try {
		const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
		return Number.isInteger(tid) && tid > 0 ? tid : null;
	} catch {
		return null;
	}
}

/** Lowers the calling thread's priority below the process's; true when it was lowered. */
export function yieldToReaders(steps = RENDER_NICE): boolean {
	const tid = ownThreadId();
	if (tid === null) return false;
	try {
		setPriority(tid, Math.min(19, getPriority(tid) + steps));
		return true;
	} catch {
		return false;
	}
}
