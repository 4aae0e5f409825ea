// Thin: every project page's header (code, title, period) and the tabs the viewer may open.
import { m } from '$lib/paraglide/messages.js';
import { projectTabs } from '$lib/server/access/project-tabs';
import { loadProjectHead } from '$lib/server/projects/project-head';
import { error } from '@sveltejs/kit';

export const load = async ({ locals, params }) => {
	const head = await loadProjectHead(locals.db, params.code);
	if (!head) error(404, m.project_not_found({ code: params.code }));
	// The access hook let the viewer in, so they are signed in and a member.
	return { head, tabs: await projectTabs(locals.user!) };
};
