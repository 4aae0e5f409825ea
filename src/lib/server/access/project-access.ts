/**
 * The route rules' decision outside a request: for the CLI's commands and for services that
 * must know whether a reader may see a project. The same `decide()` the web hook calls, with
 * membership as read with the session (auth/session-viewer.ts), or else from the database.
 */
import type { Database } from '../db';
import { isMember } from '../auth/users';
import { decide, type Decision, type Viewer } from './authorize';
import type { Rule } from './route-rules';

const READ_PROJECT: Rule = { permission: 'project:read', project: 'code' };

/** `rule` for `viewer`, on the project `code` when the rule names one (as a route's `[code]`). */
export async function decideFor(
	db: Database,
	viewer: Viewer,
	rule: Rule,
	code = ''
): Promise<Decision> {
	return decide(rule, viewer, () => memberOfProject(db, viewer, code));
}

/** Whether the viewer is a member of the project: known from their session, or asked. */
export function memberOfProject(db: Database, viewer: Viewer, code: string): Promise<boolean> {
	return viewer.memberOf
		? Promise.resolve(viewer.memberOf.has(code))
		: isMember(db, code, viewer.id);
}

export async function mayReadProject(db: Database, reader: Viewer, code: string): Promise<boolean> {
	return (await decideFor(db, reader, READ_PROJECT, code)) === 'allow';
}
