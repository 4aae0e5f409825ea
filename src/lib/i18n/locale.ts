/** The language of the current request (server) or page (browser), as a domain Locale. */
import type { Locale } from '$lib/domain/locale';
import { getLocale } from '$lib/paraglide/runtime.js';

export function currentLocale(): Locale {
	return getLocale();
}
