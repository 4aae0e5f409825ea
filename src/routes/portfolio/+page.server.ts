// Thin: the council portfolio over the projects the viewer may see.
import { portfolio } from '$lib/server/dashboard/portfolio';

export const load = async ({ locals }) => ({
	portfolio: await portfolio(locals.db, locals.user!)
});
