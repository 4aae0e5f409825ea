/**
 * Renders a pdfmake document definition to PDF bytes, with the fonts that ship with pdfmake
 * (Roboto covers every Latvian letter, Hungarian ő and Polish ą) loaded once into its virtual
 * file system, and with both of pdfmake's access policies closed: a document can fetch no URL
 * and read no local file, whatever its definition says.
 *
 * Every document is archival: PDF/A-2a (ISO 19005-2, level A: PDF 1.7, fonts embedded and
 * subset, the sRGB output intent pdfkit ships, XMP metadata with the PDF/A identification and
 * a mirror of the information dictionary from `pdf-xmp`) and tagged for accessibility (a
 * structure tree from `pdf-structure`, /Lang, MarkInfo, the title shown as the window's).
 * A definition without a structure tree (a bare test one) is still PDF/A-2b, untagged.
 * `pdfa-check` says what checks this and what it cannot.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { StructNode } from '$lib/domain/documents/pdf-tags';
import {
	layOutInParts,
	type Footer,
	type PartSteps,
	type Piece
} from '$lib/domain/documents/pdf-parts';
import { tagging, type TaggablePdf, type Tagging } from './pdf-structure';
import { infoXmp, type PdfInfo } from './pdf-xmp';

const FONT_FILES = {
	normal: 'Roboto-Regular.ttf',
	bold: 'Roboto-Medium.ttf',
	italics: 'Roboto-Italic.ttf',
	bolditalics: 'Roboto-MediumItalic.ttf'
} as const;

/** Where pdfmake keeps Roboto; also used to draw charts in the same face. */
const ROBOTO_DIR = join(
	dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
	'fonts',
	'Roboto'
);

export function robotoPath(file: string): string {
	return join(ROBOTO_DIR, file);
}

interface PdfmakeServer {
	virtualfs: { writeFileSync(name: string, content: Buffer): void };
	setFonts(fonts: Record<string, Record<string, string>>): void;
	setUrlAccessPolicy(policy: (url: string) => boolean): void;
	setLocalAccessPolicy(policy: (path: string) => boolean): void;
	createPdf(
		definition: TDocumentDefinitions,
		options?: { tagging?: Tagging; layoutInParts?: (steps: PartSteps) => void }
	): { getBuffer(): Promise<Buffer> };
}

let ready: PdfmakeServer | undefined;

function printer(): PdfmakeServer {
	if (ready) return ready;
	const server = pdfmake as unknown as PdfmakeServer;
	const fonts: Record<string, string> = {};
	for (const [style, file] of Object.entries(FONT_FILES)) {
		server.virtualfs.writeFileSync(`fonts/${file}`, readFileSync(robotoPath(file)));
		fonts[style] = `fonts/${file}`;
	}
	server.setFonts({ Roboto: fonts });
	server.setUrlAccessPolicy(() => false);
	server.setLocalAccessPolicy(() => false);
	ready = server;
	return server;
}

/** What of pdfkit's document the XMP step reads and replaces. */
interface PdfkitMetadata {
	info: PdfInfo;
	appendXML(xml: string, newline?: boolean): void;
	_addInfo(): void;
}

/**
 * The hooks for one document: its structure tree's, when it has one, and always the XMP mirror
 * of the info dictionary in place of pdfkit's (written when the document ends).
 */
function archival(structure: StructNode | undefined): Tagging {
	const tags = structure ? tagging(structure) : undefined;
	return {
		begin: (doc, tag, type) => tags?.begin(doc, tag, type),
		end: (doc, next) => tags?.end(doc, next),
		finish(doc: TaggablePdf) {
			tags?.finish(doc);
			const pdf = doc as unknown as PdfkitMetadata;
			pdf._addInfo = () => pdf.appendXML(infoXmp(pdf.info));
		}
	};
}

/**
 * A definition with `pieces` (a long table) is laid out a part at a time (`pdf-parts`), through
 * the patched printer's `layoutInParts` hook; its `content` is then empty, and its footer is
 * drawn by the parts, once every page is counted.
 */
export async function renderPdf(
	definition: TDocumentDefinitions & { structure?: StructNode; pieces?: Piece[] }
): Promise<Buffer> {
	const { structure, pieces, ...rest } = definition;
	const footer = typeof rest.footer === 'function' ? (rest.footer as Footer) : undefined;
	const archive = {
		...rest,
		footer: pieces ? undefined : rest.footer,
		version: '1.7',
		subset: structure ? 'PDF/A-2a' : 'PDF/A-2b',
		tagged: Boolean(structure),
		displayTitle: true
	} as TDocumentDefinitions;
	return printer()
		.createPdf(archive, {
			tagging: archival(structure),
			...(pieces ? { layoutInParts: (steps) => layOutInParts(pieces, steps, footer) } : {})
		})
		.getBuffer();
}
