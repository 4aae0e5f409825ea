import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '$tests/factories/database';
import { solidDefinition } from '$tests/factories/projects';
import { makeUser } from '$tests/factories/users';
import { SYSTEM_ACTOR } from '../audit/record-audit';
import type { AppUser } from '../auth/users';
import type { DatabaseHandle } from '../db';
import { applyProjectDefinition } from '../projects/apply-definition';
import { decide } from './authorize';
import { ROUTE_RULES } from './route-rules';
import { makeableTemplates, mayMakeTemplate } from './template-access';

const TEMPLATES = ['council-annex', 'council-decision', 'final-report', 'control-report'];

describe.each(ENGINES)('who may make which document on %s', (engine) => {
	let handle: DatabaseHandle;
	const people: Record<string, AppUser> = {};
	beforeAll(async () => {
		handle = await freshDatabase(engine);
		await applyProjectDefinition(handle.db, solidDefinition(), { actor: SYSTEM_ACTOR });
		people.auditor = await makeUser(handle.db, 'auditor', 'a@cofund.test', ['SOLID']);
		people.outsider = await makeUser(handle.db, 'auditor', 'o@cofund.test');
		people.coordinator = await makeUser(handle.db, 'coordinator', 'c@cofund.test', ['SOLID']);
		people.council = await makeUser(handle.db, 'council', 'd@cofund.test', ['SOLID']);
	}, 120_000);
	afterAll(async () => {
		await handle?.close();
	});

	it('gives an auditor of the project the control report only, a coordinator every template', async () => {
		const of = (who: string) => makeableTemplates(handle.db, people[who]!, TEMPLATES, 'SOLID');
		expect(await of('auditor')).toEqual(['control-report']);
		expect(await of('coordinator')).toEqual(TEMPLATES);
		expect(await of('council')).toEqual([]);
		expect(await of('outsider')).toEqual([]);
		expect(await mayMakeTemplate(handle.db, people.auditor!, 'council-annex', 'SOLID')).toBe(false);
		// A name like an Object member is a template like any other, not a crash.
		expect(await mayMakeTemplate(handle.db, people.auditor!, 'constructor', 'SOLID')).toBe(false);
	});

	it('lets the make route through for any one of its permissions, on the project only', async () => {
		const rule = ROUTE_RULES['/projects/[code]/documents/make']!.endpoints!.POST!;
		const member = () => Promise.resolve(true);
		const stranger = () => Promise.resolve(false);
		expect(await decide(rule, people.auditor!, member)).toBe('allow');
		expect(await decide(rule, people.auditor!, stranger)).toBe('forbid');
		expect(await decide(rule, people.council!, member)).toBe('forbid');
		expect(await decide(rule, people.coordinator!, member)).toBe('allow');
	});
});
