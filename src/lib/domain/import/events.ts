/** Which of the project's MobilityEvents a record belongs to: by its reference, or by country and month. */

export interface EventTarget {
	number: number;
	country: string;
	/** YYYY-MM */
	month: string;
}

export type EventMatch =
	| { event: number; how: 'reference' | 'country-and-date' | 'by-hand' }
	| { event: null; how: 'by-hand' | 'none' }
	| { event: null; how: 'unmatched'; problem: 'unknown-event' | 'no-event-fits' | 'several-fit' };

export interface EventClues {
	/** The event number the record names, if it names one. */
	reference?: number | undefined;
	country?: string | undefined;
	/** The record's dates (ISO); a trip gives departure and return. */
	from?: string | undefined;
	to?: string | undefined;
}

/** A trip fits an event when the event's month overlaps the days from departure to return. */
function fitsMonth(month: string, from: string, to: string): boolean {
	return from.slice(0, 7) <= month && month <= to.slice(0, 7);
}

export function matchEvent(events: readonly EventTarget[], clues: EventClues): EventMatch {
	if (clues.reference !== undefined) {
		return events.some((e) => e.number === clues.reference)
			? { event: clues.reference, how: 'reference' }
			: { event: null, how: 'unmatched', problem: 'unknown-event' };
	}
	if (!clues.country || !clues.from) return { event: null, how: 'none' };
	const to = clues.to && clues.to >= clues.from ? clues.to : clues.from;
	const fitting = events.filter(
		(e) => e.country === clues.country && fitsMonth(e.month, clues.from!, to)
	);
	if (fitting.length === 1) return { event: fitting[0]!.number, how: 'country-and-date' };
	return {
		event: null,
		how: 'unmatched',
		problem: fitting.length === 0 ? 'no-event-fits' : 'several-fit'
	};
}
