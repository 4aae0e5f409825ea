/**
 * Which actions a page may offer its reader: the route rule of each action, decided by the same
 * `decide()` the access hook runs on the request, so no one is shown a button the hook refuses.
 */
import type { Database } from '../db';
import { ruleFor, type Viewer } from './authorize';
import { decideFor } from './project-access';

export interface OfferedAction {
	/** The route id, as in route-rules.ts. */
	route: string;
	method: 'GET' | 'POST';
	/** A form action's `?/name`; blank for a page or an endpoint. */
	search?: string;
}

export async function mayUse(
	db: Database,
	viewer: Viewer,
	action: OfferedAction,
	code = ''
): Promise<boolean> {
	const rule = ruleFor(action.route, action.method, action.search ?? '');
	if (!rule) return false;
	return (await decideFor(db, viewer, rule, code)) === 'allow';
}

/** Each named action decided at once: `{ canRevert: true, … }`. */
export async function offeredActions<K extends string>(
	db: Database,
	viewer: Viewer,
	actions: Record<K, OfferedAction>,
	code = ''
): Promise<Record<K, boolean>> {
	const keys = Object.keys(actions) as K[];
	const decided = await Promise.all(keys.map((k) => mayUse(db, viewer, actions[k], code)));
	return Object.fromEntries(keys.map((k, i) => [k, decided[i]])) as Record<K, boolean>;
}

export const DOWNLOAD_ORIGINAL: OfferedAction = {
	route: '/projects/[code]/imports/[id]/original',
	method: 'GET'
};

/** The import page: offered where the reader may import into this project. */
export const RUN_IMPORT: OfferedAction = { route: '/projects/[code]/import', method: 'GET' };

/**
 * "Prepare an amendment" on the project page: offered to those who may edit the project, which
 * is what preparing an amendment of its plan needs (the editor's rule decides it).
 */
export const PREPARE_AMENDMENT: OfferedAction = { route: '/projects/[code]/edit', method: 'GET' };
