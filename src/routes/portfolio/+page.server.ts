// Thin: the council portfolio over the projects the viewer may see, its project rows as the URL filters them, and the council's register.
import { readPortfolioQuery, selectPortfolioProjects } from '$lib/domain/tables/portfolio-query';
import { portfolio } from '$lib/server/dashboard/portfolio';
import { councilRegisterFor } from '$lib/server/plans/council-register';
import { retentionEnding } from '$lib/server/control/retention';

export const load = async ({ locals, url }) => {
	const [view, register] = await Promise.all([
		portfolio(locals.db, locals.user!),
		councilRegisterFor(locals.db, locals.user!)
	]);
	const query = readPortfolioQuery(url.searchParams);
	const codes = view.projects.map((p) => p.code);
	const retention = await retentionEnding(locals.db, undefined, codes);
	return {
		portfolio: view,
		register,
		query,
		shown: selectPortfolioProjects(view.projects, query),
		retention
	};
};
