/** Says a document check's verdict and what changed since, in the reader's language. */
import type { DataChange } from '$lib/domain/documents/data-changes';
import { formatDate, formatMoney, officeDate, parseIsoDate } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';
import { describePlanChange } from './plan-change-messages';
import { describeControlChange } from './control-report-messages';

const rowsText = (rows: { file: string; line: number }[]) =>
	rows.map((r) => `${r.file}:${r.line}`).join(', ');

export function describeChange(change: DataChange, locale: Locale, currency = 'EUR'): string {
	const say = { locale };
	if (change.part === 'plan') return describePlanChange(change, locale, currency);
	if (change.part === 'control') return describeControlChange(change, locale);
	if (change.part === 'texts')
		return change.what === 'narratives'
			? m.doc_change_narratives({}, say)
			: change.what === 'periods'
				? m.period_doc_changed({}, say)
				: m.doc_change_letterhead({}, say);
	const rows = rowsText(change.rows);
	const more = change.count > change.rows.length ? ' …' : '';
	if (change.part === 'expenses') {
		const amount = formatMoney(Math.abs(change.cents), locale, { currency, decimals: 'always' });
		const params = { count: change.count, year: String(change.year), amount, rows: rows + more };
		if (change.change === 'added') return m.doc_change_expenses_added(params, say);
		if (change.change === 'removed') return m.doc_change_expenses_removed(params, say);
		return m.doc_change_expenses_changed(params, say);
	}
	const event = change.event === null ? m.doc_change_no_event({}, say) : String(change.event);
	const params = { count: change.count, event, rows: rows + more };
	if (change.change === 'added') return m.doc_change_trips_added(params, say);
	if (change.change === 'removed') return m.doc_change_trips_removed(params, say);
	return m.doc_change_trips_changed(params, say);
}

/** The date an altered file claims, as the reader writes dates; a claim that is no date, as it is. */
export const claimDate = (iso: string, locale: Locale) =>
	parseIsoDate(iso) ? formatDate(iso, locale) : iso;

/** "24.11.2026." from a stored timestamp: the day in Riga, in the reader's language. */
export const madeOn = (at: Date | string, locale: Locale) => formatDate(officeDate(at), locale);

/**
 * A document's language by its name within a sentence (`English`, `angļu`); a code cofund does not
 * know, as written. Latvian writes a language's name in lower case inside a sentence, while the
 * messages hold it as a label.
 */
export function languageName(lang: string, locale: Locale): string {
	const say = { locale };
	const name =
		lang === 'lv' ? m.language_lv({}, say) : lang === 'en' ? m.language_en({}, say) : lang;
	return locale === 'lv' ? name.toLocaleLowerCase('lv') : name;
}
