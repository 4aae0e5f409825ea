// Thin: the audit log for auditors and admins, read-only, as far as the reader may see it, each
// event said in the reader's words; `?verify=1` re-checks the hash chain.
import { actionName, sayEvent } from '$lib/i18n/audit-messages';
import { authorName } from '$lib/i18n/author-names';
import { readAuditQuery } from '$lib/domain/tables/audit-query';
import { listAuditEvents } from '$lib/server/audit/list-audit';
import { verifyChainFor } from '$lib/server/audit/audit-scope';
import { templateNames } from '$lib/server/documents/template-summaries';

export const load = async ({ locals, url }) => {
	const q = url.searchParams;
	const { locale } = locals;
	const { order, page, ...filters } = readAuditQuery(q);
	const [list, verification, templates] = await Promise.all([
		listAuditEvents(locals.db, locals.user!, filters, page, order),
		q.get('verify') ? verifyChainFor(locals.db, locals.user!) : null,
		templateNames(locals.db, locale)
	]);
	const events = list.events.map((event) => ({
		...event,
		said: sayEvent(event, locale, { templates })
	}));
	const actions = list.actions
		.map((action) => ({ action, name: actionName(action, locale) }))
		.sort((a, b) => a.name.localeCompare(b.name, locale));
	// The filter keeps the email, which the chain stores and `cofund audit log --actor` takes.
	const actors = list.actors
		.map((actor) => ({ value: actor.email, label: authorName(actor, locale) }))
		.sort((a, b) => a.label.localeCompare(b.label, locale));
	return { ...list, events, actions, actors, filters, order, page, verification };
};
