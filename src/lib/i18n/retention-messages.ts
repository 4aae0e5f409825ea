/** Says a project's retention date and how it was reached, in the reader's language. */
import type { Retention } from '$lib/domain/control/retention';
import { formatDate, formatOfficeMoment } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';

/** The date, then the rule it follows, or who set it, when and why. */
export function retentionLines(retention: Retention, locale: Locale): [string, string] {
	const say = { locale };
	const until = m.retention_until({ date: formatDate(retention.until, locale) }, say);
	if (retention.how === 'set') {
		const when = formatOfficeMoment(new Date(retention.at), locale);
		return [until, m.retention_set({ when, who: retention.by, reason: retention.reason }, say)];
	}
	const last = formatDate(retention.from, locale);
	const basis =
		retention.basis === 'payment' ? m.retention_default_payment : m.retention_default_end;
	return [until, basis({ last }, say)];
}
