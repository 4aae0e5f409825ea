/**
 * A sheet's XML on its way to exceljs: cut at whole UTF-8 characters, with the part after its rows
 * (where Excel lists merged cells) kept, or read through unparsed for a sheet passed over.
 */

/** The sheet's XML after its rows (merges, formatting) is small; more is not read for merges. */
const TAIL_LIMIT = 4 * 1024 * 1024;

/** The length of `chunk` that ends on a whole UTF-8 character; the rest waits for the next chunk. */
function wholeCharacters(chunk: Buffer): number {
	const n = chunk.length;
	for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
		const byte = chunk[i]!;
		if ((byte & 0xc0) === 0x80) continue;
		if (byte < 0x80) return n;
		const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
		return i + size <= n ? n : i;
	}
	return n;
}

/**
 * XML chunks cut at whole characters: exceljs decodes each chunk on its own, which would turn a
 * letter such as "ā" split between two chunks into two replacement characters.
 */
export async function* wholeUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
	let carry: Buffer = Buffer.alloc(0);
	for await (const raw of chunks) {
		const chunk = carry.length ? Buffer.concat([carry, raw]) : Buffer.from(raw);
		const end = wholeCharacters(chunk);
		carry = chunk.subarray(end);
		if (end) yield chunk.subarray(0, end);
	}
	if (carry.length) yield carry;
}

const SHEET_DATA_END = Buffer.from('</sheetData>');

/**
 * Stands between a sheet's XML and exceljs: cuts it at whole characters, keeps what follows the
 * rows (where Excel lists merged cells, which the streaming reader skips), and, for a sheet passed
 * over, reads the rest through without parsing it.
 */
export class SheetTap {
	skip = false;
	merges: string[] = [];

	constructor(sheet: { iterator: AsyncIterable<Buffer> }) {
		sheet.iterator = this.pass(sheet.iterator);
	}

	private async *pass(rows: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
		let tail: string | null = null;
		let carry: Buffer = Buffer.alloc(0);
		for await (const chunk of wholeUtf8(rows)) {
			if (this.skip) continue;
			if (tail === null) {
				const at = chunk.indexOf(SHEET_DATA_END);
				// The end tag may also straddle two chunks.
				const edge = Buffer.concat([carry, chunk.subarray(0, SHEET_DATA_END.length)]);
				const across = at === -1 ? edge.indexOf(SHEET_DATA_END) : -1;
				if (at !== -1) tail = chunk.subarray(at).toString('latin1');
				else if (across !== -1)
					tail = Buffer.concat([carry.subarray(across), chunk]).toString('latin1');
				else carry = chunk.subarray(Math.max(0, chunk.length - SHEET_DATA_END.length));
			} else if (tail.length < TAIL_LIMIT) tail += chunk.toString('latin1');
			yield chunk;
		}
		if (tail !== null) {
			const found = tail.matchAll(/<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+\d+:[A-Z]+\d+)"/g);
			this.merges = [...found].map((m) => m[1]!);
		}
	}
}
