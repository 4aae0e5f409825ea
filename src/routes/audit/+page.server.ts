// Thin: the audit log for auditors and admins, read-only, as far as the reader may see it;
// `?verify=1` re-checks the hash chain.
import { parseIsoDate } from '$lib/domain/format';
import { listAuditEvents } from '$lib/server/audit/list-audit';
import { verifyChainFor } from '$lib/server/audit/audit-scope';

const date = (value: string | null) => (value && parseIsoDate(value) ? value : undefined);

export const load = async ({ locals, url }) => {
	const q = url.searchParams;
	const filters = {
		action: q.get('action') || undefined,
		actor: q.get('actor') || undefined,
		object: q.get('object') || undefined,
		from: date(q.get('from')),
		to: date(q.get('to'))
	};
	const page = Math.max(1, Number(q.get('page')) || 1);
	const [list, verification] = await Promise.all([
		listAuditEvents(locals.db, locals.user!, filters, page),
		q.get('verify') ? verifyChainFor(locals.db, locals.user!) : null
	]);
	return { ...list, filters, page, verification };
};
