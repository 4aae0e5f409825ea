/**
 * Where a URL sits in the app: its top-level section and, inside a project, its tab. The header,
 * the project tabs and the breadcrumbs all mark the current place from these, so that exactly one
 * item of each says "this page" (aria-current="page") and its ancestors say only "you are inside".
 */

export const SECTIONS = [
	'projects',
	'portfolio',
	'templates',
	'verify',
	'audit',
	'people',
	'backup',
	'settings',
	'account'
] as const;
export type Section = (typeof SECTIONS)[number];

/** The section a path belongs to, by its first segment: /portfolio/expenses is in the portfolio. */
export function sectionOf(pathname: string): Section | null {
	const first = pathname.split('/')[1] ?? '';
	return (SECTIONS as readonly string[]).includes(first) ? (first as Section) : null;
}

/** `page` for the link to the page shown, `true` for a link to a place that holds it, else none. */
export type Current = 'page' | 'true' | undefined;

export function currentFor(isThisPage: boolean, holdsThisPage: boolean): Current {
	if (isThisPage) return 'page';
	return holdsThisPage ? 'true' : undefined;
}

/** A top-level link (`/portfolio`) against the path shown (`/portfolio/expenses`). */
export function sectionCurrent(href: string, pathname: string): Current {
	const trimmed = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
	const section = sectionOf(trimmed);
	// A path in no section (an unknown address) is held by no link, whatever the link's own section.
	return currentFor(trimmed === href, section !== null && section === sectionOf(href));
}

export const PROJECT_TABS = [
	{ id: 'overview', route: '/projects/[code]' },
	{ id: 'dashboard', route: '/projects/[code]/dashboard' },
	{ id: 'expenses', route: '/projects/[code]/expenses' },
	{ id: 'trips', route: '/projects/[code]/trips' },
	{ id: 'imports', route: '/projects/[code]/imports' },
	{ id: 'documents', route: '/projects/[code]/documents' },
	{ id: 'control', route: '/projects/[code]/control' },
	{ id: 'edit', route: '/projects/[code]/edit' }
] as const;
export type ProjectTab = (typeof PROJECT_TABS)[number];
export type ProjectTabId = ProjectTab['id'];

/** Pages that are no tab of their own but sit under one: a new import, an import's detail, the report's texts. */
const UNDER_TAB: Record<string, ProjectTabId> = {
	'/projects/[code]/import': 'imports',
	'/projects/[code]/imports/[id]': 'imports',
	'/projects/[code]/report': 'documents',
	'/projects/[code]/control/samples/[number]': 'control'
};

/** The tab a project route belongs to, or null for a route outside the project pages. */
export function tabOf(routeId: string | null): ProjectTabId | null {
	if (!routeId) return null;
	const own = PROJECT_TABS.find((tab) => tab.route === routeId);
	return own?.id ?? UNDER_TAB[routeId] ?? null;
}

export function tabCurrent(tab: ProjectTab, routeId: string | null): Current {
	return currentFor(tab.route === routeId, tabOf(routeId) === tab.id);
}
