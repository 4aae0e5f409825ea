/** Who may decide or answer a finding on a project's expenses: the route rules' own decision. */
import type { FindingPowers } from '$lib/domain/control/finding-rules';
import type { Database } from '../db';
import { decideFor } from '../access/project-access';
import type { Viewer } from '../access/authorize';

export const DECIDE_FINDING = { permission: 'control:write', project: 'code' } as const;
export const ANSWER_FINDING = { permission: 'control:answer', project: 'code' } as const;

/** Membership and permission on the project `code`, as the detail page's actions check them. */
export async function findingPowers(
	db: Database,
	viewer: Viewer,
	code: string
): Promise<FindingPowers> {
	const [write, answer] = await Promise.all([
		decideFor(db, viewer, DECIDE_FINDING, code),
		decideFor(db, viewer, ANSWER_FINDING, code)
	]);
	return { write: write === 'allow', answer: answer === 'allow' };
}
