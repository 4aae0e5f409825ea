import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE_RULES } from './route-rules';

const ROUTES = 'src/routes';
/** Filled by routesOnDisk: the HTTP methods each `+server.ts` exports. */
const endpointsOnDisk = new Map<string, string[]>();

/** Every route of the app, by SvelteKit's route id, with the form actions its server file names. */
function routesOnDisk(): Map<string, string[]> {
	const found = new Map<string, string[]>();
	const endpoints = endpointsOnDisk;
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (/^\+(page|server)(\.server)?\.(svelte|ts|js)$/.test(entry.name)) {
				const id = `/${relative(ROUTES, dir)}`.replace(/\/$/, '') || '/';
				const actions = found.get(id) ?? [];
				if (entry.name.startsWith('+server')) {
					const source = readFileSync(path, 'utf8');
					const methods = [
						...source.matchAll(
							/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm
						)
					].map((m) => m[1]!);
					endpoints.set(id, methods);
				}
				if (entry.name.startsWith('+page.server')) {
					const source = readFileSync(path, 'utf8');
					const block = /export const actions\s*=\s*\{([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
					actions.push(...[...block.matchAll(/^\t(\w+):/gm)].map((m) => m[1]!));
				}
				found.set(id, actions);
			}
		}
	};
	walk(ROUTES);
	return found;
}

describe('the access rules', () => {
	it('name every route in src/routes, and every form action, and nothing that is not there', () => {
		const onDisk = routesOnDisk();
		expect(onDisk.size).toBeGreaterThan(5);
		expect(Object.keys(ROUTE_RULES).sort()).toEqual([...onDisk.keys()].sort());
		for (const [route, actions] of onDisk) {
			expect(Object.keys(ROUTE_RULES[route]?.actions ?? {}).sort(), route).toEqual(actions.sort());
			expect(Object.keys(ROUTE_RULES[route]?.endpoints ?? {}).sort(), route).toEqual(
				(endpointsOnDisk.get(route) ?? []).sort()
			);
		}
		expect(endpointsOnDisk.size).toBeGreaterThan(0);
	});
});
