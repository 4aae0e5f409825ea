/** Names a council decision in the reader's language: "Nr. 57, 22.02.2018." / "No. 57 of 22 Feb 2018". */
import type { DecisionRef } from '$lib/domain/dashboard/plan-in-force';
import { formatDate } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';

export const decisionRef = (ref: DecisionRef, locale: Locale): string =>
	m.inforce_decision_ref({ number: ref.number, date: formatDate(ref.date, locale) }, { locale });
