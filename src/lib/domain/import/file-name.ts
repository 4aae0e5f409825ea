/**
 * The name of an uploaded file as cofund keeps and shows it. The name is the sender's text, so
 * it is decoded without trusting it (a stray `%` is kept as it is), and cleaned of what could
 * act on a terminal or a page instead of being read: control characters (escape sequences),
 * bidirectional overrides (a name that reads backwards), and folder parts.
 */

const FALLBACK = 'export.csv';
const MAX_LENGTH = 255;
/** C0 and C1 controls, DEL, and the bidirectional embedding, override and isolate marks. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Decodes percent-encoding where it is valid; a name that is not encoded stays as it came. */
export function decodeHeaderName(raw: string): string {
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}

export function cleanFileName(name: string): string {
	const base = name.split(/[/\\]/).at(-1) ?? '';
	const clean = base.normalize('NFC').replace(/\s+/g, ' ').replace(UNSAFE, '').trim();
	return [...clean].slice(0, MAX_LENGTH).join('') || FALLBACK;
}
