/**
 * Until when a project's records are kept: by default five years from 31 December of the year of
 * the last payment (Regulation (EU) 2021/1060, Art. 82), or a date set by hand with a reason.
 */

/** Years the records are kept after the year of the last payment. */
export const RETENTION_YEARS = 5;

export type Retention =
	| {
			how: 'default';
			until: string;
			/** What the default counts from: the last live expense, or (no expenses) the project's end. */
			basis: 'payment' | 'end';
			from: string;
	  }
	| { how: 'set'; until: string; reason: string; by: string; at: Date; default: string };

/** 31 December of the fifth year after the year of `day`. */
export const defaultUntil = (day: string): string =>
	`${Number(day.slice(0, 4)) + RETENTION_YEARS}-12-31`;

export function retentionOf(input: {
	lastPayment: string | null;
	projectEnd: string;
	set: { keepUntil: string; reason: string; updatedBy: string; updatedAt: Date } | null;
}): Retention {
	const from = input.lastPayment ?? input.projectEnd;
	const until = defaultUntil(from);
	if (input.set) {
		const { keepUntil, reason, updatedBy, updatedAt } = input.set;
		return { how: 'set', until: keepUntil, reason, by: updatedBy, at: updatedAt, default: until };
	}
	return { how: 'default', until, basis: input.lastPayment ? 'payment' : 'end', from };
}

/** The same day a year on (29 February goes to 28 February). */
function yearOn(day: string): string {
	const next = `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
	return next.endsWith('-02-29') ? next.replace(/-29$/, '-28') : next;
}

/** The retention ends within a year of today (or has ended). */
export const endsWithinYear = (until: string, today: string): boolean => until <= yearOn(today);

/** A purge is allowed the day after the retention date, not on it. */
export const mayPurge = (until: string, today: string): boolean => until < today;
