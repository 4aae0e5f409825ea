/** One trip's status in words, as the trips table, its filter and its CSV all say it. */
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';

export type TripStatus = 'done' | 'cancelled';

export function tripStatusText(status: TripStatus, locale?: Locale): string {
	const say = locale ? { locale } : {};
	return status === 'done' ? m.nm_trip_done({}, say) : m.nm_trip_cancelled({}, say);
}
