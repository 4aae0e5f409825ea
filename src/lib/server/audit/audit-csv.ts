/**
 * The filtered audit log as CSV in the reader's language and dialect: each event's Riga time,
 * person (by name, and by the email the chain stores), action and change in words, as the page
 * says them, with its id and hash for tracing.
 */
import { CSV_BOM, toCsv } from '$lib/domain/csv-export';
import { formatOfficeMoment } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { sayEvent } from '$lib/i18n/audit-messages';
import { authorName } from '$lib/i18n/author-names';
import { m } from '$lib/paraglide/messages.js';
import type { Viewer } from '../access/authorize';
import type { Database } from '../db';
import { templateNames } from '../documents/template-summaries';
import { listAuditEvents, type AuditFilters } from './list-audit';

export async function auditCsv(
	db: Database,
	reader: Viewer,
	filters: AuditFilters,
	locale: Locale
): Promise<string> {
	const say = { locale };
	const [{ events }, templates] = await Promise.all([
		listAuditEvents(db, reader, filters, 'all'),
		templateNames(db, locale)
	]);
	const header = [
		m.audit_event({}, say),
		m.audit_time({}, say),
		m.audit_actor({}, say),
		m.nm_audit_email({}, say),
		m.audit_action({}, say),
		m.audit_what({}, say),
		m.audit_project({}, say),
		m.audit_object({}, say),
		m.audit_changes({}, say),
		m.audit_hash({}, say)
	];
	const rows = events.map((event) => {
		const said = sayEvent(event, locale, { templates });
		return [
			event.id,
			formatOfficeMoment(new Date(event.at), locale),
			authorName({ email: event.actorEmail, name: event.actorName }, locale),
			event.actorEmail,
			said.name,
			said.sentence,
			event.project,
			`${event.objectType} ${event.objectId}`,
			said.changes.join('\n'),
			event.hash
		];
	});
	return CSV_BOM + toCsv(header, rows, locale);
}
