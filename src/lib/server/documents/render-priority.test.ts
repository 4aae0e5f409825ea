import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { makeDocument } from './make-document';
import { ownThreadId, RENDER_NICE } from './render-priority';

/** Each thread of this process with its nice value (the 19th field of its stat line). */
function threadNices(): Map<number, number> {
	const nices = new Map<number, number>();
	for (const tid of readdirSync('/proc/self/task')) {
		const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
		// The command name, in parentheses, may hold spaces: count the fields after it.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		nices.set(Number(tid), Number(fields[16]));
	}
	return nices;
}

describe('the render thread’s priority', () => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase('pglite');
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('renders in a thread ten nice steps below the app, and leaves the app’s thread as it was', async () => {
		const own = getPriority(ownThreadId()!);
		const before = threadNices();
		const made = await makeDocument(handle.db, {
			project: 'SOLID',
			template: 'council-annex',
			lang: 'en',
			date: '2026-11-24'
		});
		expect(made.pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const lowered = [...threadNices()].filter(
			([tid, nice]) => nice === Math.min(19, own + RENDER_NICE) && before.get(tid) !== nice
		);
		expect(lowered.length).toBeGreaterThanOrEqual(1);
		expect(getPriority(ownThreadId()!)).toBe(own);
	}, 120_000);
});
