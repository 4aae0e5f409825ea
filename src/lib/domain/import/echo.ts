/**
 * What a report or a refusal may say back of a file's own text: short cells and a bounded list
 * of columns. A broken or hostile export (a header of a million columns, a line of 100 MB) must
 * not come back to the browser whole; a person needs only enough of it to recognise the place.
 */
import { tidy } from './fold';

/** The longest cell text echoed; longer ends in "…". */
export const ECHOED_TEXT = 200;
/** The most header cells echoed. */
export const ECHOED_COLUMNS = 100;

export function clipText(text: string, max = ECHOED_TEXT): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A record as it may be shown: its first columns, each clipped. */
export function echoRecord(record: readonly string[]): string[] {
	return record.slice(0, ECHOED_COLUMNS).map((cell) => clipText(cell));
}

/** A header row as it may be shown: its first columns, each tidied and clipped. */
export function echoHeader(header: readonly string[]): string[] {
	return echoRecord(header.slice(0, ECHOED_COLUMNS).map(tidy));
}
