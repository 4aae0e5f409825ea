import { toDefinitionInput } from '$lib/domain/project/definition-input';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { loadProject } from './load-definition';
import { saveFromEditor } from './save-from-editor';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
}

const solidJson = (change?: (input: ReturnType<typeof toDefinitionInput>) => void) => {
	const input = toDefinitionInput(solidDefinition());
	change?.(input);
	return JSON.stringify(input);
};

describe.each(ENGINES)('saving from the editor on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase(engine);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('creates a new project, and refuses a second one with the same code', async () => {
		const created = await saveFromEditor(
			handle.db,
			form({ definition: solidJson() }),
			{ mode: 'create' },
			SYSTEM_ACTOR
		);
		expect(created).toEqual({ ok: true, code: 'SOLID', status: 'created' });
		const again = await saveFromEditor(
			handle.db,
			form({ definition: solidJson() }),
			{ mode: 'create' },
			SYSTEM_ACTOR
		);
		expect(again).toEqual({
			ok: false,
			httpStatus: 409,
			failure: { problem: 'invalid', issues: [{ path: 'code', key: 'codeTaken', params: {} }] }
		});
	});

	it('refuses a malformed post, or one that would move the project to another code', async () => {
		const target = { mode: 'update', code: 'SOLID' } as const;
		const posts: Record<string, string>[] = [
			{ version: '1' },
			{ definition: '{not json', version: '1' },
			{ definition: solidJson(), version: 'x' },
			{ definition: solidJson((d) => (d.code = 'OTHER')), version: '1' }
		];
		for (const fields of posts) {
			expect(await saveFromEditor(handle.db, form(fields), target, SYSTEM_ACTOR)).toMatchObject({
				ok: false,
				httpStatus: 400,
				failure: { problem: 'bad-request' }
			});
		}
	});

	it('checks every field on the server, and writes nothing when one is wrong', async () => {
		const bad = solidJson((d) => {
			d.funding.eu = '15OO';
		});
		const outcome = await saveFromEditor(
			handle.db,
			form({ definition: bad, version: '1' }),
			{
				mode: 'update',
				code: 'SOLID'
			},
			SYSTEM_ACTOR
		);
		expect(outcome).toMatchObject({ ok: false, httpStatus: 400 });
		expect(!outcome.ok && outcome.failure).toEqual({
			problem: 'invalid',
			issues: [{ path: 'funding.eu', key: 'money', params: {} }]
		});
		expect((await loadProject(handle.db, 'SOLID'))?.version).toBe(1);
	});

	it('saves from the version it was opened at, and refuses a stale one', async () => {
		const changed = solidJson((d) => {
			d.decision.number = '58';
		});
		const target = { mode: 'update', code: 'SOLID' } as const;
		const saved = await saveFromEditor(
			handle.db,
			form({ definition: changed, version: '1' }),
			target,
			SYSTEM_ACTOR
		);
		expect(saved).toEqual({ ok: true, code: 'SOLID', status: 'amended' });
		const stale = await saveFromEditor(
			handle.db,
			form({ definition: solidJson(), version: '1' }),
			target,
			SYSTEM_ACTOR
		);
		expect(stale).toEqual({
			ok: false,
			httpStatus: 409,
			failure: { problem: 'conflict', expected: 1, actual: 2 }
		});
	});
});
