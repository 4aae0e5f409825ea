/**
 * Which text encoding a file's first bytes are in: UTF-8 (with or without a BOM), Windows-1257
 * (Baltic) or Windows-1252 (Western). Valid UTF-8 with any byte over 127 is UTF-8; otherwise the
 * two single-byte code pages are told apart by which letters the high bytes would be.
 */
import type { Encoding } from './profile';

export interface EncodingGuess {
	encoding: Encoding;
	bom: boolean;
}

/** Letters each code page's text is made of; a decoded character outside them is no evidence. */
const LATVIAN = new Set('āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ');
/** Accented letters common in Western European text; ð þ ì ò ï are rare there, so left out. */
const WESTERN = new Set('àáâäçèéêëíîñóôöùúûüÀÁÂÄÇÈÉÊËÍÎÑÓÔÖÙÚÛÜ');

function score(text: string, letters: Set<string>): number {
	let count = 0;
	for (const char of text) if (letters.has(char)) count++;
	return count;
}

function isValidUtf8(bytes: Uint8Array): boolean {
	// The sample may end inside a character: drop an incomplete tail of up to three bytes.
	let end = bytes.length;
	for (let back = 1; back <= 3 && end - back >= 0; back++) {
		const byte = bytes[end - back]!;
		if ((byte & 0xc0) === 0x80) continue;
		const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		if (need > back) end -= back;
		break;
	}
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
		return true;
	} catch {
		return false;
	}
}

/**
 * More well-formed multi-byte UTF-8 sequences than stray high bytes. Latvian or Western text in a
 * code page almost never has one: its letters are followed by ASCII, not by 0x80–0xBF bytes.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
	let good = 0;
	let bad = 0;
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i]!;
		if (byte < 0x80) continue;
		let need = 0;
		if (byte >= 0xc2 && byte <= 0xdf) need = 1;
		else if (byte >= 0xe0 && byte <= 0xef) need = 2;
		else if (byte >= 0xf0 && byte <= 0xf4) need = 3;
		let ok = need > 0 && i + need < bytes.length;
		for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
		if (ok) {
			good++;
			i += need;
		} else bad++;
	}
	return good > bad;
}

export function detectEncoding(sample: Uint8Array): EncodingGuess {
	if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
		return { encoding: 'utf-8', bom: true };
	}
	if (isValidUtf8(sample)) return { encoding: 'utf-8', bom: false };
	// UTF-8 with a damaged byte is still UTF-8: read as a code page, every other letter would be
	// stored garbled; read as UTF-8, the import stops at the bad byte and names its line.
	if (mostlyUtf8(sample)) return { encoding: 'utf-8', bom: false };
	// Bytes that are the same letter in both (é ä ö ü ß) decode alike, so a tie costs nothing.
	const baltic = score(new TextDecoder('windows-1257').decode(sample), LATVIAN);
	const western = score(new TextDecoder('windows-1252').decode(sample), WESTERN);
	return { encoding: western > baltic ? 'windows-1252' : 'windows-1257', bom: false };
}

/**
 * Why the bytes are not a text export at all, or null when they may be one: a spreadsheet or other
 * binary file, or UTF-16 (which some tools write when asked for "Unicode text").
 */
export function notTextProblem(sample: Uint8Array): 'binary' | 'utf-16' | null {
	if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
		return 'utf-16';
	}
	let control = 0;
	for (const byte of sample) {
		if (byte === 0) return 'binary';
		if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
	}
	return control > sample.length / 100 ? 'binary' : null;
}
