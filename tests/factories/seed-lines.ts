/**
 * Compares a document's text with the SOLID annex's seed line by line, for the PDF and for the
 * Word file LibreOffice prints: the seed is the text of a Word document, so whitespace is taken
 * out on both sides and a run of three or more spaces in the seed counts as a line break.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fromPackageRoot } from '$lib/server/package-root';

export const pdftotext = (pdf: Uint8Array) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

/**
 * The seed is the text of a Word document: tabs before the labels, double spaces, a line
 * pushed down with a run of spaces in the title, "5. pasākums" beside "1.pasākums". Whitespace
 * carries none of the annex's content, so both sides are compared with it removed; a run of
 * three or more spaces in the seed is the line break Word drew.
 */
export const seedLines = (text: string) =>
	text
		.split('\n')
		.flatMap((line) => line.split(/ {3,}/))
		.map((line) => line.replace(/\s+/g, ''))
		.filter(Boolean);

export const solidSeed = () =>
	seedLines(readFileSync(fromPackageRoot('tests/fixtures/seed/solid-annex-2018.txt'), 'utf8'));

/**
 * Matches the PDF's lines to the seed's, in order: a seed line may be wrapped over several
 * lines in the PDF (a two-column row wraps), so PDF lines are joined until they make it.
 */
export function matchLines(seed: string[], pdf: string[]) {
	const mismatches: { seed: string; pdf: string }[] = [];
	let at = 0;
	for (const expected of seed) {
		let joined = '';
		while (at < pdf.length && joined.length < expected.length) joined += pdf[at++];
		if (joined !== expected) mismatches.push({ seed: expected, pdf: joined });
	}
	return { mismatches, left: pdf.slice(at) };
}

/** The one slip of the seed: event 2 lacks the comma that events 3 and 4 have before the month. */
export const SEED_SLIP = {
	seed: '2.pasākums–Bulgārija06.2018.(6pārstāvji)',
	pdf: '2.pasākums–Bulgārija,06.2018.(6pārstāvji)'
};
