/** Whether a reader may see one project, by the same decision the route rules use. */
import type { Database } from '../db';
import { isMember } from '../auth/users';
import { decide, type Viewer } from './authorize';
import type { Rule } from './route-rules';

const READ_PROJECT: Rule = { permission: 'project:read', project: 'code' };

export async function mayReadProject(db: Database, reader: Viewer, code: string): Promise<boolean> {
	const decision = await decide(READ_PROJECT, reader, () => isMember(db, code, reader.id));
	return decision === 'allow';
}
