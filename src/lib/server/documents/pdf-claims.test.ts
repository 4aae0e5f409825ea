import { describe, expect, it } from 'vitest';
import { CLAIM_MAX_LENGTH, readPdfStrings } from './pdf-claims';
import { renderPdf } from './render-pdf';

const KEYS = ['CofundTemplate', 'CofundTemplateVersion', 'CofundFingerprint', 'CofundProject'];
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const repeat = (piece: string, bytes: number) =>
	latin1(piece.repeat(Math.ceil(bytes / piece.length)));
const KB = 1024;
const MB = 1024 * KB;

/**
 * The old reader took 14 s on 256 KB of `/CofundTemplate (` and grew with the square of the
 * size; a linear one reads 4 MB in well under a tenth of a second on the development machine.
 * The bound is 2 s, wide enough for a loaded machine and far below what a quadratic reader needs.
 */
const BOUND_MS = 2000;

function timed<T>(work: () => T): { result: T; ms: number } {
	const started = performance.now();
	const result = work();
	return { result, ms: performance.now() - started };
}

describe('reading the claims of a PDF', () => {
	it('reads the values pdfkit writes as indirect objects, escapes and all', async () => {
		// As make-document.ts does, through to-pdfmake: cofund's keys beside the standard ones.
		const keys = {
			CofundTemplate: 'final-report',
			CofundTemplateVersion: '3',
			CofundFingerprint: 'ab'.repeat(32),
			CofundProject: 'Rīga (ā) \\ 1'
		};
		const pdf = await renderPdf({ content: 'x', info: { title: 'x', ...keys } });
		expect(pdf.includes(latin1('/CofundTemplate '))).toBe(true);
		expect(Object.fromEntries(readPdfStrings(pdf, KEYS))).toEqual({
			CofundTemplate: 'final-report',
			CofundTemplateVersion: '3',
			CofundFingerprint: 'ab'.repeat(32),
			CofundProject: 'Rīga (ā) \\ 1'
		});
	});

	it('reads direct literals, hex strings and octal escapes, and the later definition', () => {
		const pdf = latin1(
			[
				'%PDF-1.4',
				'1 0 obj << /CofundTemplate (old) /CofundProject <534F4C4944> >> endobj',
				'2 0 obj << /Length 9 >> stream\n((((/CofundTemplate (in a stream)\nendstream endobj',
				'3 0 obj (v\\0627\\\nx) endobj',
				'4 0 obj << /CofundTemplate (new\\)\\n) /CofundTemplateVersion 3 0 R >> endobj',
				'% /CofundFingerprint (a comment)',
				'trailer << /Info 4 0 R >>'
			].join('\n')
		);
		expect(Object.fromEntries(readPdfStrings(pdf, KEYS))).toEqual({
			CofundTemplate: 'new)\n',
			CofundTemplateVersion: 'v27x',
			CofundProject: 'SOLID'
		});
	});

	it('finds nothing in a file that carries no claims', () => {
		expect(readPdfStrings(latin1('%PDF-1.4 not ours'), KEYS).size).toBe(0);
		expect(readPdfStrings(new Uint8Array(0), KEYS).size).toBe(0);
	});

	it('ignores a value longer than any claim, without reading it', () => {
		const long = 'x'.repeat(CLAIM_MAX_LENGTH + 1);
		const pdf = latin1(`<< /CofundTemplate (${long}) /CofundProject (SOLID) >>`);
		expect(Object.fromEntries(readPdfStrings(pdf, KEYS))).toEqual({ CofundProject: 'SOLID' });
	});

	const adversarial: [string, Buffer][] = [
		['256 KB of `/CofundTemplate (`', repeat('/CofundTemplate (', 256 * KB)],
		['4 MB of `/CofundTemplate (`', repeat('/CofundTemplate (', 4 * MB)],
		['4 MB of `/CofundTemplate ()`', repeat('/CofundTemplate ()', 4 * MB)],
		['4 MB of unbalanced `)`', repeat('/CofundTemplate )', 4 * MB)],
		['16 MB of `/CofundTemplate ()`', repeat('/CofundTemplate ()', 16 * MB)],
		['4 MB of escapes', latin1(`/CofundTemplate (${'\\'.repeat(4 * MB)}`)],
		[
			'4 MB of `/CofundTemplate 1 0 R` and objects',
			repeat('/CofundTemplate 1 0 R 1 0 obj (', 4 * MB)
		],
		['4 MB of `<` with no `>`', repeat('/CofundTemplate <', 4 * MB)],
		['4 MB of `stream` with no end', repeat('stream (', 4 * MB)],
		['4 MB of `1 0 obj`', repeat('1 0 obj ', 4 * MB)]
	];

	it.each(adversarial)('reads %s in one linear pass', (_, pdf) => {
		const { result, ms } = timed(() => readPdfStrings(pdf, KEYS));
		expect(result).toBeInstanceOf(Map);
		expect(ms).toBeLessThan(BOUND_MS);
	});
});
