/**
 * Checks a PDF's bytes against what an archival, accessible document must be, for tests of
 * every template (the annex, the final report, and any added later): `checkPdfa(pdf)` answers
 * the problems found, none for a good document, and the structure tree's element types.
 *
 * The validator: Debian (bookworm) has no PDF/A validator proper (veraPDF is not packaged;
 * JHOVE is not in bookworm). The strongest check it offers is qpdf (`qpdf --check`: the whole
 * file is parsed, every cross-reference, object and stream decoded) together with qpdf's JSON
 * view of every object, which the rules below read, and poppler's `pdfinfo` / `pdffonts`
 * (Tagged, the PDF version, the XMP packet, the fonts and their embedding). The rules checked:
 * PDF 1.7; no encryption; a file ID; XMP metadata, unfiltered, with pdfaid:part 2 and a
 * conformance, and dc:title, xmp:CreateDate, pdf:Producer, xmp:CreatorTool and every custom
 * key the same as in the information dictionary, custom ones declared by an extension schema;
 * an output intent GTS_PDFA1 with an embedded ICC profile; every font embedded; for level A,
 * MarkInfo Marked, a StructTreeRoot, /Lang, DisplayDocTitle, alternative text on every
 * Figure, and every text, image and path drawn on a page inside a marked-content sequence
 * (a structure element's or an artifact's), read from qpdf's uncompressed (QDF) copy.
 *
 * What it does not check, and veraPDF would: the ICC profile's own validity, glyph widths
 * against the font programs, every content stream operator and colour space against the output
 * intent, that each marked sequence's MCID is the one its structure element names, XMP property types against their
 * schemas, and the rest of ISO 19005-2's clauses.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
interface QpdfObject {
	value?: Json;
	stream?: { dict: Record<string, Json> };
}

export interface PdfaReport {
	problems: string[];
	/** The structure tree's element types, depth first, each with its depth (Document is 0). */
	structure: { type: string; depth: number }[];
	/** The XMP packet's text. */
	xmp: string;
}

const run = (command: string, args: string[]) =>
	execFileSync(command, args, { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');

/** The text of one XMP element, with the five XML entities read back. */
function xmpValue(xmp: string, element: string, close = element): string | undefined {
	const match = new RegExp(`<${element}(?:\\s[^>]*)?>([^<]*)</${close}>`).exec(xmp);
	return match?.[1]
		?.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** A qpdf JSON string (`u:` text, `b:` hex bytes) as text; names and numbers as they are. */
function text(value: Json | undefined): string | undefined {
	if (typeof value !== 'string') return undefined;
	if (value.startsWith('u:')) return value.slice(2);
	if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
	return value;
}

/** `D:20261124120000Z` (and its `+hh'mm'` forms) as an instant. */
function pdfDate(value: string): number {
	const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
	if (!m) return NaN;
	const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(-3, -1)}`;
	return Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
}

/** Painting operators (text, XObjects, path fills and strokes) outside any BDC/BMC … EMC. */
export function unmarkedMarks(qdf: string): { page: number; count: number }[] {
	const found: { page: number; count: number }[] = [];
	const pages = qdf.matchAll(
		/%% Contents for page (\d+)\n(?:%%[^\n]*\n)*\d+ 0 obj\n<<[\s\S]*?>>\nstream\n([\s\S]*?)endstream/g
	);
	for (const [, page, stream] of pages) {
		let depth = 0;
		let count = 0;
		for (const [op] of stream!.matchAll(
			/(?<=^|\s)(?:BDC|BMC|EMC|TJ|Tj|Do|S|s|f|F|f\*|B|B\*|b|b\*|sh)(?=\s)/gm
		))
			if (op === 'BDC' || op === 'BMC') depth++;
			else if (op === 'EMC') depth--;
			else if (depth === 0) count++;
		if (count > 0) found.push({ page: Number(page), count });
	}
	return found;
}

export function checkPdfa(pdf: Uint8Array): PdfaReport {
	const dir = mkdtempSync(join(tmpdir(), 'pdfa-'));
	const file = join(dir, 'document.pdf');
	writeFileSync(file, pdf);
	const problems: string[] = [];
	try {
		const check = (() => {
			try {
				return run('qpdf', ['--check', file]);
			} catch (error) {
				return `qpdf failed: ${String(error)}`;
			}
		})();
		if (!check.includes('No syntax or stream encoding errors found'))
			problems.push(`qpdf --check: ${check.trim()}`);

		const info = run('pdfinfo', [file]);
		if (!/^Tagged:\s+yes$/m.test(info)) problems.push('pdfinfo does not say Tagged: yes');
		const version = Number(/^PDF version:\s+([\d.]+)$/m.exec(info)?.[1]);
		if (!(version >= 1.7)) problems.push(`PDF version ${version} is below 1.7`);

		const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
		if (fonts.length === 0) problems.push('pdffonts lists no font');
		for (const line of fonts) {
			// name, type (may hold spaces), encoding, then emb sub uni and the object id.
			const [emb, , uni] = line.trim().split(/\s+/).slice(-5);
			if (emb !== 'yes') problems.push(`font not embedded: ${line.trim()}`);
			if (uni !== 'yes') problems.push(`font without a Unicode map: ${line.trim()}`);
		}

		const xmp = run('pdfinfo', ['-meta', file]);
		const part = xmpValue(xmp, 'pdfaid:part');
		const conformance = xmpValue(xmp, 'pdfaid:conformance');
		if (part !== '2') problems.push(`pdfaid:part is ${part}, not 2`);
		if (!conformance || !['A', 'B', 'U'].includes(conformance))
			problems.push(`pdfaid:conformance is ${conformance}`);

		const [, objects] = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', file])).qpdf as [
			unknown,
			Record<string, QpdfObject>
		];
		const deref = (value: Json | undefined): Json | undefined => {
			if (typeof value === 'string' && / 0 R$/.test(value)) {
				const object = objects[`obj:${value}`];
				return object?.value ?? (object?.stream?.dict as Json | undefined);
			}
			return value;
		};
		const dict = (value: Json | undefined) => {
			const resolved = deref(value);
			return resolved && typeof resolved === 'object' && !Array.isArray(resolved)
				? resolved
				: undefined;
		};
		const trailer = dict(objects.trailer?.value) ?? {};
		if (trailer['/Encrypt']) problems.push('the file is encrypted');
		if (!Array.isArray(trailer['/ID'])) problems.push('the trailer has no file ID');
		const catalog = dict(trailer['/Root']) ?? {};
		const infoDict = dict(trailer['/Info']) ?? {};
		// pdfkit writes each information value as an object of its own.
		const infoText = (key: string) => text(deref(infoDict[key]));

		const metadata = dict(catalog['/Metadata']);
		if (!metadata) problems.push('the catalog has no XMP metadata');
		else if (metadata['/Filter']) problems.push('the XMP metadata is filtered');

		const same = (label: string, xmpText: string | undefined, infoText: string | undefined) => {
			if (infoText !== undefined && xmpText !== infoText)
				problems.push(`XMP ${label} is ${xmpText}, the info dictionary's ${infoText}`);
		};
		same('dc:title', xmpValue(xmp, 'rdf:li xml:lang="x-default"', 'rdf:li'), infoText('/Title'));
		same('pdf:Producer', xmpValue(xmp, 'pdf:Producer'), infoText('/Producer'));
		same('xmp:CreatorTool', xmpValue(xmp, 'xmp:CreatorTool'), infoText('/Creator'));
		const created = infoText('/CreationDate');
		const createDate = xmpValue(xmp, 'xmp:CreateDate');
		if (created && (!createDate || Date.parse(createDate) !== pdfDate(created)))
			problems.push(`XMP xmp:CreateDate ${createDate} is not the info's ${created}`);
		const standard = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'];
		for (const key of Object.keys(infoDict).map((k) => k.slice(1))) {
			if (standard.includes(key) || key === 'CreationDate' || key === 'ModDate') continue;
			same(`cofund:${key}`, xmpValue(xmp, `cofund:${key}`), infoText(`/${key}`));
			if (!xmp.includes(`<pdfaProperty:name>${key}</pdfaProperty:name>`))
				problems.push(`no extension schema declares ${key}`);
		}

		const intents = deref(catalog['/OutputIntents']);
		const intent = Array.isArray(intents) ? dict(intents[0]) : undefined;
		if (intent?.['/S'] !== '/GTS_PDFA1') problems.push('no GTS_PDFA1 output intent');
		else if (!objects[`obj:${String(intent['/DestOutputProfile'])}`]?.stream)
			problems.push('the output intent embeds no ICC profile');

		const structure: PdfaReport['structure'] = [];
		if (conformance === 'A') {
			if (dict(catalog['/MarkInfo'])?.['/Marked'] !== true) problems.push('MarkInfo is not Marked');
			if (!text(catalog['/Lang'])) problems.push('the catalog has no /Lang');
			if (dict(catalog['/ViewerPreferences'])?.['/DisplayDocTitle'] !== true)
				problems.push('DisplayDocTitle is not set');
			const root = dict(catalog['/StructTreeRoot']);
			if (!root) problems.push('no StructTreeRoot');
			const walk = (value: Json | undefined, depth: number) => {
				const element = dict(value);
				if (!element || element['/Type'] === '/MCR' || element['/Type'] === '/OBJR') return;
				const type = String(element['/S']).slice(1);
				structure.push({ type, depth });
				if (type === 'Figure' && !text(element['/Alt']))
					problems.push('a Figure has no alternative text');
				const kids = element['/K'];
				for (const kid of Array.isArray(kids) ? kids : [kids]) walk(kid, depth + 1);
			};
			const top = root?.['/K'];
			for (const kid of Array.isArray(top) ? top : [top]) walk(kid, 0);
			const qdf = join(dir, 'qdf.pdf');
			run('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
			for (const { page, count } of unmarkedMarks(readFileSync(qdf, 'latin1')))
				problems.push(`page ${page} draws ${count} marks neither tagged nor an artifact`);
		}
		return { problems, structure, xmp };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
