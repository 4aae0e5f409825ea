/** Says what changed in a control report's findings and samples, in the reader's language. */
import type { ControlChange } from '$lib/domain/documents/control-changes';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';

export function describeControlChange(change: ControlChange, locale: Locale): string {
	const say = { locale };
	if (change.what === 'samples')
		return m.control_report_change_samples({ numbers: change.numbers.join(', ') || '–' }, say);
	if (change.what === 'names') return m.control_report_change_names({}, say);
	const more = change.count > change.rows.length ? ' …' : '';
	const params = {
		count: change.count,
		rows: change.rows.map((r) => `${r.file}:${r.line}`).join(', ') + more
	};
	if (change.change === 'added') return m.control_report_change_findings_added(params, say);
	if (change.change === 'removed') return m.control_report_change_findings_removed(params, say);
	return m.control_report_change_findings_changed(params, say);
}
