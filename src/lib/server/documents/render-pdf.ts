/**
 * Renders a pdfmake document definition to PDF bytes, with the fonts that ship with pdfmake
 * (Roboto covers every Latvian letter, Hungarian ő and Polish ą) loaded once into its virtual
 * file system, and with both of pdfmake's access policies closed: a document can fetch no URL
 * and read no local file, whatever its definition says.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

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
	createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
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

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
	return printer().createPdf(definition).getBuffer();
}
