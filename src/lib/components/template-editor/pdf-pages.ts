/**
 * Draws a preview PDF as page images with PDF.js, in the browser: a PDF in a frame shows on few
 * phones and in no headless browser, and a frame of a `blob:` address is refused by the app's
 * content security policy. Each page's text comes along, as the images' text alternative.
 * Fonts are drawn as paths and nothing is evaluated, so the policy needs no loosening.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

export interface DrawnPage {
	canvas: HTMLCanvasElement;
	text: string;
}

let library: Promise<typeof import('pdfjs-dist')> | undefined;

function pdfjs() {
	library ??= Promise.all([
		import('pdfjs-dist'),
		import('pdfjs-dist/build/pdf.worker.min.mjs?url')
	]).then(([lib, worker]) => {
		lib.GlobalWorkerOptions.workerSrc = worker.default;
		return lib;
	});
	return library;
}

/** Every page at `width` CSS pixels wide, sharp on the screen's pixel density. */
export async function drawPdf(bytes: ArrayBuffer, width: number): Promise<DrawnPage[]> {
	const lib = await pdfjs();
	const doc: PDFDocumentProxy = await lib.getDocument({
		data: new Uint8Array(bytes),
		isEvalSupported: false,
		disableFontFace: true
	}).promise;
	try {
		const pages: DrawnPage[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const base = page.getViewport({ scale: 1 });
			const scale = (width / base.width) * (window.devicePixelRatio || 1);
			const viewport = page.getViewport({ scale });
			const canvas = document.createElement('canvas');
			canvas.width = Math.floor(viewport.width);
			canvas.height = Math.floor(viewport.height);
			await page.render({ canvas, viewport }).promise;
			const content = await page.getTextContent();
			const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
			pages.push({ canvas, text });
		}
		return pages;
	} finally {
		void doc.destroy();
	}
}
