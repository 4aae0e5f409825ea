/**
 * The plan's lines in words, as the council annex writes them: partners with their country,
 * events with place, month and representatives, the yearly funding. Pure, so the web page,
 * the CLI and the document templates all say the same thing.
 */
import { countryName } from '../countries';
import { formatMonth } from '../format';
import { pick, type Locale } from '../locale';
import type { LeadPartner, MobilityEvent, Partner } from './definition';

export function partnerName(partner: Partner, locale: Locale): string {
	return locale === 'en' && partner.nameEn ? partner.nameEn : partner.name;
}

/** "Daugavpils pilsētas dome, Latvija" */
export function partnerLine(partner: Partner, locale: Locale): string {
	return [
		partnerName(partner, locale),
		partner.city,
		countryName(partner.country, locale, partner.countryName)
	]
		.filter(Boolean)
		.join(', ');
}

/** "Jette kultūras centrs /Le Centre Culturel de Jette/, Jette, Beļģija" */
export function leadPartnerLine(lead: LeadPartner, locale: Locale): string {
	const name = partnerName(lead, locale);
	const named = lead.localName ? `${name} /${lead.localName}/` : name;
	return [named, lead.city, countryName(lead.country, locale, lead.countryName)]
		.filter(Boolean)
		.join(', ');
}

/** "Jette, Beļģija" or just "Bulgārija" when the event has no city. */
export function eventPlace(event: MobilityEvent, locale: Locale): string {
	const country = countryName(event.country, locale, event.countryName);
	return event.city ? `${event.city}, ${country}` : country;
}

export function eventTitle(event: MobilityEvent, locale: Locale): string | undefined {
	return event.title ? pick(event.title, locale) || undefined : undefined;
}

/**
 * "1.pasākums – Jette, Beļģija – projekta atklāšanas tikšanās (kick-off) 03.2018. (3 pārstāvji)",
 * "3.pasākums – Itālija, 10.2018. (2 pārstāvji)": a comma parts place and month when no title
 * comes between them, as the adopted annex writes it.
 * The representatives' words come from the caller, since plural forms belong to the i18n layer.
 */
export function eventLine(
	event: MobilityEvent,
	locale: Locale,
	words: { event: (n: number) => string; representatives: (n: number) => string }
): string {
	const title = eventTitle(event, locale);
	const parts = [words.event(event.number), eventPlace(event, locale), title];
	const head = parts.filter(Boolean).join(' – ') + (title ? '' : ',');
	return `${head} ${formatMonth(event.month, locale)} (${words.representatives(event.representatives)})`;
}
