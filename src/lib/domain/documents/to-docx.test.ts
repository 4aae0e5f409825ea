import { Packer } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { columnWidths, footerParts } from './docx-layout';
import type { DocumentModel, ModelBlock } from './render-document';
import type { ChartName } from './template-definition';
import { toDocx, type DocxInput } from './to-docx';

const PAGE: DocumentModel['page'] = {
	size: 'A4',
	orientation: 'portrait',
	margins: [70, 50, 56, 50],
	font_size: 11,
	footer: undefined
};

/** A 1×1 white PNG: the picture a chart would be. */
const PNG = Uint8Array.from(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC',
		'base64'
	)
);
const INPUT: DocxInput = {
	charts: new Map<ChartName, Uint8Array>([['year_plan', PNG]]),
	logo: PNG,
	keys: { CofundFingerprint: 'sha256:abc', CofundTemplate: 'council-annex' },
	language: 'lv-LV'
};

/** One block of every kind the model has: a kind added to the model must be added here. */
const EVERY_KIND: { [K in ModelBlock['kind']]: Extract<ModelBlock, { kind: K }> } = {
	letterhead: { kind: 'letterhead', name: 'Daugavpils valstspilsētas pašvaldība', logo: true },
	text: {
		kind: 'text',
		lines: ['1.pielikums', 'Daugavpils pilsētas domes', '2018.gada 22.februāra', 'lēmumam Nr.57'],
		style: 'body',
		align: 'right'
	},
	heading: { kind: 'heading', text: '1. Kopsavilkums', level: 1, pageBreakBefore: false },
	rows: {
		kind: 'rows',
		rows: [
			{ label: ['Projekta iesniedzējs:'], text: ['Jette kultūras centrs'] },
			{ label: ['Projekta partneri:'], text: ['1. Daugavpils pilsētas dome', '2. Sződliget'] }
		],
		labelWidth: 170
	},
	table: {
		kind: 'table',
		columns: [
			{ title: 'Gads', width: 40, align: 'left' },
			{ title: 'Summa', width: '*', align: 'right' }
		],
		body: [
			['2018', '3090,00 EUR'],
			['2019', '1070,00 EUR']
		],
		footer: ['Kopā', '4160,00 EUR'],
		empty: null
	},
	chart: { kind: 'chart', chart: 'year_plan', title: 'Gada plāns', width: 480, height: 200 },
	sections: { kind: 'sections', sections: [{ heading: 'Jette', lines: ['Notika.', 'Labi.'] }] },
	signatures: {
		kind: 'signatures',
		signatures: [{ role: 'Projekta koordinators', name: 'Vārds, uzvārds' }],
		spaceBefore: 30
	},
	page_break: { kind: 'page_break' }
};

const model = (blocks: ModelBlock[], change: Partial<DocumentModel> = {}): DocumentModel => ({
	title: 'Domes lēmuma pielikums – SOLID',
	page: PAGE,
	footer: null,
	blocks,
	...change
});

async function parts(m: DocumentModel, input = INPUT) {
	const zip = await JSZip.loadAsync(await Packer.toBuffer(toDocx(m, input)));
	const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
	return {
		names: Object.keys(zip.files),
		document: await read('word/document.xml'),
		styles: await read('word/styles.xml'),
		custom: await read('docProps/custom.xml'),
		footer: await read('word/footer1.xml')
	};
}
const count = (xml: string, pattern: RegExp) => (xml.match(pattern) ?? []).length;

describe('a document model as a Word document', () => {
	it('writes every block kind as paragraphs and tables, in styles, with the pictures', async () => {
		const blocks = Object.values(EVERY_KIND);
		const { document, styles, names } = await parts(model(blocks));
		// The letterhead with its logo, rows, the data table and the signatures are tables.
		expect(count(document, /<w:tbl>/g)).toBe(4);
		// The logo beside the name, 2 rows, header + 2 body rows + footer, 1 signature line.
		expect(count(document, /<w:tr>/g)).toBe(1 + 2 + 4 + 1);
		expect(count(document, /<w:tblHeader\/>/g)).toBe(1);
		// The annex head: its four lines, each a right-aligned paragraph.
		expect(count(document, /<w:jc w:val="right"\/>/g)).toBeGreaterThanOrEqual(4);
		for (const line of EVERY_KIND.text.lines) expect(document).toContain(`>${line}<`);
		expect(document).toContain('<w:pStyle w:val="Heading1"/>');
		expect(document).toContain('<w:pStyle w:val="CofundBody"/>');
		expect(document).toContain('2. Sződliget');
		// The logo and the chart are pictures of their own, each with its own id.
		expect(count(document, /<wp:docPr /g)).toBe(2);
		expect(names.filter((name) => /^word\/media\/./.test(name))).toHaveLength(1);
		expect(document).toContain('<w:br w:type="page"/>');
		expect(styles).toContain('w:ascii="Roboto"');
		expect(styles).toContain('<w:lang w:val="lv-LV"/>');
	});

	it('writes the letterhead as a ruled paragraph when there is no logo', async () => {
		const { document } = await parts(model([EVERY_KIND.letterhead]), { ...INPUT, logo: undefined });
		expect(count(document, /<w:tbl>/g)).toBe(0);
		expect(document).toContain('Daugavpils valstspilsētas pašvaldība');
		expect(document).toMatch(/<w:pBdr><w:bottom w:val="single"/);
	});

	it('takes the page and margins from the template, and turns the pages a heading turns', async () => {
		const { document } = await parts(
			model([
				EVERY_KIND.text,
				{ ...EVERY_KIND.heading, pageBreakBefore: true, orientation: 'landscape' },
				EVERY_KIND.table
			])
		);
		const sections = document.match(/<w:sectPr>.*?<\/w:sectPr>/gs) ?? [];
		expect(sections).toHaveLength(2);
		expect(sections[0]).toContain('w:w="11906" w:h="16838" w:orient="portrait"');
		expect(sections[0]).toMatch(/w:top="1000" w:right="1120" w:bottom="1000" w:left="1400"/);
		expect(sections[1]).toContain('w:w="16838" w:h="11906" w:orient="landscape"');
	});

	it('puts the page and page-count fields where the footer writes its numbers', async () => {
		const footer = (page: number, pages: number) => (pages > 1 ? `${page}. lpp. no ${pages}` : '');
		expect(footerParts(footer)).toEqual({
			parts: [{ field: 'page' }, '. lpp. no ', { field: 'pages' }],
			multiPageOnly: true
		});
		expect(footerParts(() => '')).toBeNull();
		const made = await parts(model([EVERY_KIND.text], { footer }));
		expect(made.footer).toMatch(/PAGE/);
		expect(made.footer).toMatch(/NUMPAGES/);
		expect(made.footer).toContain('. lpp. no ');
		expect((await parts(model([EVERY_KIND.text]))).footer).toBe('');
	});

	it('carries the keys the PDF carries in its custom properties', async () => {
		const { custom } = await parts(model([EVERY_KIND.text]));
		expect(custom).toContain('name="CofundFingerprint"');
		expect(custom).toContain('sha256:abc');
	});

	it('shares a table’s width out as the PDF does, with the cells’ padding', () => {
		// 40 + 4 of padding for the first column, the rest for the star column.
		expect(columnWidths(EVERY_KIND.table, 469, 10)).toEqual([44, 425]);
	});

	it('refuses a chart that was not drawn', () => {
		expect(() => toDocx(model([{ ...EVERY_KIND.chart, chart: 'timeline' }]), INPUT)).toThrow(
			/timeline was not drawn/
		);
	});
});
