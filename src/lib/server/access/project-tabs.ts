/**
 * The project tabs a viewer may open, decided by the same route rules the access hook enforces:
 * a tab is shown exactly when opening its page would be allowed.
 */
import { PROJECT_TABS, type ProjectTabId } from '$lib/domain/navigation/navigation';
import { decide, ruleFor, type Viewer } from './authorize';

/** Asked on a project page the viewer was already let into, so they are a member of it. */
export async function projectTabs(viewer: Viewer): Promise<ProjectTabId[]> {
	const member = () => Promise.resolve(true);
	const allowed = await Promise.all(
		PROJECT_TABS.map(
			async (tab) => (await decide(ruleFor(tab.route, 'GET', ''), viewer, member)) === 'allow'
		)
	);
	return PROJECT_TABS.filter((_, i) => allowed[i]).map((tab) => tab.id);
}
