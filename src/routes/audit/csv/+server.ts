// Thin: the audit log as the page's filters select it, as CSV in the reader's language.
import { auditCsv } from '$lib/server/audit/audit-csv';
import { auditFiltersFrom } from '$lib/server/audit/audit-filters';

export async function GET({ locals, url }) {
	const csv = await auditCsv(
		locals.db,
		locals.user!,
		auditFiltersFrom(url.searchParams),
		locals.locale
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="cofund-audit.csv"',
			'cache-control': 'no-store'
		}
	});
}
