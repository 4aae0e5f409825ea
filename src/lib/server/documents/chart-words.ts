/**
 * The words a document's charts print, in the document's language. Each message is imported from
 * its own module, not through `messages.js`: a render worker started from the sources (tests, the
 * CLI, `vite dev`) would otherwise load all two thousand of the app's messages, some 100 MB.
 */
import type { Locale } from '$lib/domain/locale';
import type { ChartWords } from '$lib/domain/documents/document-charts';
import { cofinancing } from '$lib/paraglide/messages/cofinancing.js';
import { dashboard_actual } from '$lib/paraglide/messages/dashboard_actual.js';
import { dashboard_cancelled } from '$lib/paraglide/messages/dashboard_cancelled.js';
import { dashboard_done } from '$lib/paraglide/messages/dashboard_done.js';
import { dashboard_event } from '$lib/paraglide/messages/dashboard_event.js';
import { dashboard_plan } from '$lib/paraglide/messages/dashboard_plan.js';
import { dashboard_planned } from '$lib/paraglide/messages/dashboard_planned.js';
import { dashboard_planned_month } from '$lib/paraglide/messages/dashboard_planned_month.js';
import { dashboard_pro_rata } from '$lib/paraglide/messages/dashboard_pro_rata.js';
import { dashboard_spent } from '$lib/paraglide/messages/dashboard_spent.js';
import { dashboard_took_place } from '$lib/paraglide/messages/dashboard_took_place.js';
import { prefinancing } from '$lib/paraglide/messages/prefinancing.js';

export function chartWords(lang: Locale): ChartWords {
	const say = { locale: lang };
	return {
		prefinancing: prefinancing({}, say),
		cofinancing: cofinancing({}, say),
		actual: dashboard_actual({}, say),
		spent: dashboard_spent({}, say),
		proRata: dashboard_pro_rata({}, say),
		plan: dashboard_plan({}, say),
		planned: dashboard_planned({}, say),
		completed: dashboard_done({}, say),
		cancelled: dashboard_cancelled({}, say),
		plannedMonth: dashboard_planned_month({}, say),
		tookPlace: dashboard_took_place({}, say),
		event: (number) => dashboard_event({ number: String(number) }, say)
	};
}
