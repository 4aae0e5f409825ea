/**
 * How a chart names a mobility event on its axis: the number and the place (`1 · Jette`), so a
 * reader need not look up what "event 3" was. The city when the plan gives one, else the country.
 */
export interface EventPlace {
	number: number;
	city: string | null;
	country: string;
}

/** The middle dot with a no-break space before it, so `1 ·` never ends a line alone. */
const SEPARATOR = '\u00a0· ';

export function eventLabel(event: EventPlace, countryName: (code: string) => string): string {
	return `${event.number}${SEPARATOR}${event.city || countryName(event.country)}`;
}

/**
 * Labels by event number for a chart keyed by number (the mobility chart): a number the plan no
 * longer has (trips may still name it) keeps the plain `fallback` wording.
 */
export function eventLabeller(
	events: readonly EventPlace[],
	countryName: (code: string) => string,
	fallback: (number: number) => string
): (number: string) => string {
	const byNumber = new Map(events.map((e) => [e.number, e]));
	return (number) => {
		const event = byNumber.get(Number(number));
		return event ? eventLabel(event, countryName) : fallback(Number(number));
	};
}
