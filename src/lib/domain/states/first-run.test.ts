import { describe, expect, it } from 'vitest';
import { firstRunGuide, type FirstRunFacts } from './first-run';

const admin: FirstRunFacts = {
	projects: 0,
	firstProject: null,
	others: 0,
	imported: false,
	canCreate: true,
	canInvite: true,
	canImport: true
};

describe('the first-run guide', () => {
	it('asks a fresh office’s admin for a project, people and an import, none done yet', () => {
		expect(firstRunGuide(admin)).toEqual({
			steps: [
				{ step: 'project', done: false },
				{ step: 'people', done: false },
				{ step: 'import', done: false, project: null }
			]
		});
	});

	it('marks each step done as it is done, and leads the import to the first project', () => {
		const guide = firstRunGuide({ ...admin, projects: 1, firstProject: 'NEW1', others: 3 });
		expect(guide?.steps).toEqual([
			{ step: 'project', done: true },
			{ step: 'people', done: true },
			{ step: 'import', done: false, project: 'NEW1' }
		]);
	});

	it('leaves out the steps the reader may not take', () => {
		const coordinator = { ...admin, canInvite: false };
		expect(firstRunGuide(coordinator)?.steps.map((s) => s.step)).toEqual(['project', 'import']);
		expect(firstRunGuide({ ...admin, canCreate: false })).toBeNull();
	});

	it('is gone once a project of the reader’s has its exports imported', () => {
		expect(
			firstRunGuide({ ...admin, projects: 2, firstProject: 'SOLID', imported: true })
		).toBeNull();
	});
});
