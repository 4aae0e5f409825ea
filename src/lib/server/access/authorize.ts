/** Decides a request against the route rules: allowed, sign in first, forbidden, or no rule at all. */
import { canOnProject, can } from '$lib/domain/access';
import type { Role } from '$lib/domain/access';
import { DEFAULT_BODY_LIMIT, readImportLimit } from '../config';
import { ROUTE_RULES, type EndpointMethod, type Rule } from './route-rules';

export interface Viewer {
	id: string;
	role: Role;
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

export function decide(
	rule: Rule | undefined | null,
	viewer: Viewer | null,
	isMember: () => Promise<boolean>
): Promise<Decision> | Decision {
	if (rule === null) return 'no-rule';
	if (rule === undefined) return 'forbid';
	if (rule === 'public') return 'allow';
	if (!viewer) return 'sign-in';
	if (rule === 'signed-in') return 'allow';
	if (!('project' in rule)) return can(viewer.role, rule.permission) ? 'allow' : 'forbid';
	if (!can(viewer.role, rule.permission)) return 'forbid';
	if (viewer.role === 'admin') return 'allow';
	return isMember().then((member) =>
		canOnProject(viewer.role, rule.permission, member) ? 'allow' : 'forbid'
	);
}

/** The largest PDF the verify page accepts. */
export const DOCUMENT_BODY_LIMIT = 64 * 1024 * 1024;

/** The largest body a route takes: the import upload has its own configurable limit. */
export function bodyLimitFor(routeId: string, env: NodeJS.ProcessEnv = process.env): number {
	const limit = ROUTE_RULES[routeId]?.bodyLimit;
	if (limit === 'import') return readImportLimit(env);
	// A PDF to verify: a final report with a long appendix runs to a few megabytes.
	if (limit === 'document') return DOCUMENT_BODY_LIMIT;
	return DEFAULT_BODY_LIMIT;
}
