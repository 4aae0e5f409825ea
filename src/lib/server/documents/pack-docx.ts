/**
 * Packs a Word document into the bytes of a .docx file that are the same on every run: the
 * `docx` library stamps the core properties and every zip entry with the clock, so the core
 * properties get the document's date and each entry one fixed time (noon UTC of that date).
 */
import { Packer, type Document } from 'docx';
import JSZip from 'jszip';

const CORE = 'docProps/core.xml';

export async function packDocx(document: Document, date: string): Promise<Buffer> {
	const stamp = `${date}T12:00:00Z`;
	const moment = new Date(stamp);
	const packed = await JSZip.loadAsync(await Packer.toBuffer(document));
	const out = new JSZip();
	// The entries in the order the library wrote them: [Content_Types].xml first.
	for (const entry of Object.values(packed.files)) {
		if (entry.dir) continue;
		let data: Uint8Array | string = await entry.async('uint8array');
		if (entry.name === CORE)
			data = new TextDecoder()
				.decode(data)
				.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
		out.file(entry.name, data, { date: moment, createFolders: false });
	}
	return out.generateAsync({
		type: 'nodebuffer',
		mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		compression: 'DEFLATE',
		compressionOptions: { level: 6 }
	});
}
