import { describe, expect, it } from 'vitest';
import { PROJECT_TABS, sectionCurrent, sectionOf, tabCurrent, tabOf } from './navigation';

const TOP = [
	'/projects',
	'/portfolio',
	'/templates',
	'/verify',
	'/audit',
	'/people',
	'/backup',
	'/settings'
];
const marks = (pathname: string) =>
	Object.fromEntries(
		TOP.map((href) => [href, sectionCurrent(href, pathname)]).filter(([, c]) => c)
	);

describe('the top navigation', () => {
	it('marks the page itself as the current page', () => {
		expect(marks('/portfolio')).toEqual({ '/portfolio': 'page' });
		expect(marks('/projects/')).toEqual({ '/projects': 'page' });
	});

	it('marks only the section of a page inside it, and not as the page', () => {
		expect(marks('/portfolio/expenses')).toEqual({ '/portfolio': 'true' });
		expect(marks('/projects/new')).toEqual({ '/projects': 'true' });
		expect(marks('/projects/SOLID/expenses')).toEqual({ '/projects': 'true' });
		expect(marks('/templates/final-report')).toEqual({ '/templates': 'true' });
	});

	it('marks nothing on a page outside every section', () => {
		expect(marks('/login')).toEqual({});
		expect(marks('/account')).toEqual({});
		expect(sectionOf('/')).toBeNull();
		expect(sectionOf('/projectsx')).toBeNull();
	});

	it('marks nothing on an unknown address, whichever links the header shows', () => {
		expect(marks('/no/such/page')).toEqual({});
		expect(marks('/settingsx')).toEqual({});
		expect(marks('/settings')).toEqual({ '/settings': 'page' });
	});
});

describe('the project tabs', () => {
	const tabMarks = (routeId: string) =>
		Object.fromEntries(
			PROJECT_TABS.map((tab) => [tab.id, tabCurrent(tab, routeId)]).filter(([, c]) => c)
		);

	it('marks the tab of the page shown, and only it', () => {
		expect(tabMarks('/projects/[code]')).toEqual({ overview: 'page' });
		expect(tabMarks('/projects/[code]/expenses')).toEqual({ expenses: 'page' });
		expect(tabMarks('/projects/[code]/edit')).toEqual({ edit: 'page' });
	});

	it('puts the import page and an import under Imports', () => {
		expect(tabOf('/projects/[code]/import')).toBe('imports');
		expect(tabOf('/projects/[code]/report')).toBe('documents');
		expect(tabOf('/projects/[code]/control/samples/[number]')).toBe('control');
		expect(tabMarks('/projects/[code]/import')).toEqual({ imports: 'true' });
		expect(tabMarks('/projects/[code]/imports/[id]')).toEqual({ imports: 'true' });
	});

	it('knows no tab outside a project', () => {
		expect(tabOf('/projects/new')).toBeNull();
		expect(tabOf(null)).toBeNull();
		expect(tabMarks('/portfolio')).toEqual({});
	});
});
