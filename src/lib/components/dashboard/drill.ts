/** Links from a dashboard figure to the expense rows behind it. */
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

export type DrillFilter = {
	year?: number;
	month?: string;
	category?: string;
	event?: number | 'none';
	outside?: boolean;
	page?: number;
};

/** The rows page's path, resolved, with the filter as its query. */
export function drillHref(code: string, filter: DrillFilter): ResolvedPathname {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filter)) {
		if (value !== undefined && value !== false) params.set(key, String(value));
	}
	return `${resolve('/projects/[code]/expenses', { code })}?${params}` as ResolvedPathname;
}

/** The trips behind a mobility figure. */
export function tripsHref(code: string, event: number): ResolvedPathname {
	return `${resolve('/projects/[code]/trips', { code })}?event=${event}` as ResolvedPathname;
}
