// Thin: the council portfolio over the projects the viewer may see, its project rows as the URL filters them.
import { readPortfolioQuery, selectPortfolioProjects } from '$lib/domain/tables/portfolio-query';
import { portfolio } from '$lib/server/dashboard/portfolio';

export const load = async ({ locals, url }) => {
	const view = await portfolio(locals.db, locals.user!);
	const query = readPortfolioQuery(url.searchParams);
	return { portfolio: view, query, shown: selectPortfolioProjects(view.projects, query) };
};
