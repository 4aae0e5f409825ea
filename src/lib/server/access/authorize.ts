/** Decides a request against the route rules: allowed, sign in first, forbidden, or no rule at all. */
import { canOnProject, can } from '$lib/domain/access';
import type { Role } from '$lib/domain/access';
import { DEFAULT_BODY_LIMIT, readImportLimit } from '../config';
import { ROUTE_RULES, type EndpointMethod, type Rule } from './route-rules';

export interface Viewer {
	id: string;
	role: Role;
	/** The codes of the projects the viewer is a member of, where they were read already. */
	memberOf?: ReadonlySet<string>;
}

export type Decision = 'allow' | 'sign-in' | 'forbid' | 'no-rule';

/** The rule for an endpoint's method, a page view, or a form action (`?/name`, or `default`). */
export function ruleFor(routeId: string, method: string, search: string): Rule | undefined | null {
	const route = ROUTE_RULES[routeId];
	if (!route) return null;
	if (route.endpoints) {
		const asked = (method === 'HEAD' ? 'GET' : method) as EndpointMethod;
		return route.endpoints[asked];
	}
	if (method === 'GET' || method === 'HEAD') return route.page;
	if (method !== 'POST') return undefined;
	const named = search.startsWith('?/') ? search.slice(2).split('&')[0]! : 'default';
	return route.actions?.[named];
}

/** A rule that names no project is decided at once, with no membership to look up. */
export function decide(
	rule: Exclude<Rule, { project: 'code' }> | undefined | null,
	viewer: Viewer | null
): Decision;
export function decide(
	rule: Rule | undefined | null,
	viewer: Viewer | null,
	isMember: () => Promise<boolean>
): Promise<Decision> | Decision;
export function decide(
	rule: Rule | undefined | null,
	viewer: Viewer | null,
	isMember: () => Promise<boolean> = () => Promise.resolve(false)
): Promise<Decision> | Decision {
	if (rule === null) return 'no-rule';
	if (rule === undefined) return 'forbid';
	if (rule === 'public') return 'allow';
	if (!viewer) return 'sign-in';
	if (rule === 'signed-in') return 'allow';
	if (!('project' in rule)) return can(viewer.role, rule.permission) ? 'allow' : 'forbid';
	const asked = 'anyOf' in rule ? rule.anyOf : [rule.permission];
	if (!asked.some((permission) => can(viewer.role, permission))) return 'forbid';
	if (viewer.role === 'admin') return 'allow';
	return isMember().then((member) =>
		asked.some((permission) => canOnProject(viewer.role, permission, member)) ? 'allow' : 'forbid'
	);
}

/**
 * The largest upload the verify page accepts: 16 MB. A final report is about 225 kB plus 170
 * bytes an expense row (395 kB at 1,000 rows, 1.9 MB at 10,000; README, documents benchmark),
 * so at the default appendix limit of 20,000 rows it is about 3.6 MB; 16 MB leaves four times
 * that for long descriptions and charts. Anything larger is no cofund document, and reading
 * 16 MB of the worst bytes for its claims takes a fraction of a second.
 */
export const DOCUMENT_BODY_LIMIT = 16 * 1024 * 1024;

/** The largest body a route takes: the import upload has its own configurable limit. */
export function bodyLimitFor(routeId: string, env: NodeJS.ProcessEnv = process.env): number {
	const limit = ROUTE_RULES[routeId]?.bodyLimit;
	if (limit === 'import') return readImportLimit(env);
	if (limit === 'document') return DOCUMENT_BODY_LIMIT;
	return DEFAULT_BODY_LIMIT;
}
