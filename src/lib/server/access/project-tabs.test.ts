import { describe, expect, it } from 'vitest';
import { projectTabs } from './project-tabs';

const READ = ['overview', 'dashboard', 'expenses', 'trips', 'imports', 'documents', 'control'];

describe('the project tabs of each role', () => {
	it('offers Edit to those who may edit the project', async () => {
		expect(await projectTabs({ id: 'a', role: 'admin' })).toEqual([...READ, 'edit']);
		expect(await projectTabs({ id: 'c', role: 'coordinator' })).toEqual([...READ, 'edit']);
	});

	it('offers read-only roles the pages they may read, and no Edit', async () => {
		expect(await projectTabs({ id: 'd', role: 'council' })).toEqual(READ);
		expect(await projectTabs({ id: 'p', role: 'auditor' })).toEqual(READ);
	});
});
