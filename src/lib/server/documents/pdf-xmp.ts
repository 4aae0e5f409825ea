/**
 * The XMP metadata's mirror of a PDF's information dictionary, as PDF/A asks (ISO 19005-2,
 * 6.6.2): the title, author, creator tool, producer and creation date in their standard
 * schemas, and every custom key (cofund's claims) in a schema of cofund's own, described by a
 * PDF/A extension schema so that a validator knows its properties. pdfkit writes its own
 * version of the first part without escaping (a title with `&` would break the XML) and none
 * of the second, so `render-pdf` writes this one in its place. Pure: the same info gives the
 * same bytes.
 */

/** The keys PDF defines for the information dictionary; any other key is a custom one. */
const STANDARD_KEYS = new Set([
	'Title',
	'Author',
	'Subject',
	'Keywords',
	'Creator',
	'Producer',
	'CreationDate',
	'ModDate',
	'Trapped'
]);

/** Where cofund's own properties live; `.invalid` names no host, only the schema. */
export const COFUND_XMP_NAMESPACE = 'https://cofund.invalid/ns/pdf/1.0/';
const PREFIX = 'cofund';

/** A key that is also an XML element name (pdfmake already took the spaces out). */
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type PdfInfo = Record<string, string | Date | undefined>;

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An XMP date: the same instant the dictionary's `D:` date names, in UTC. */
const xmpDate = (date: Date) => `${date.toISOString().split('.')[0]}Z`;

/** The custom keys of an info dictionary, in a fixed order, with their text values. */
export function customKeys(info: PdfInfo): [string, string][] {
	return Object.keys(info)
		.filter((key) => !STANDARD_KEYS.has(key) && XML_NAME.test(key) && typeof info[key] === 'string')
		.sort()
		.map((key) => [key, info[key] as string]);
}

function extensionSchema(keys: string[]): string {
	const properties = keys
		.map(
			(key) => `<rdf:li rdf:parseType="Resource">
<pdfaProperty:name>${key}</pdfaProperty:name>
<pdfaProperty:valueType>Text</pdfaProperty:valueType>
<pdfaProperty:category>external</pdfaProperty:category>
<pdfaProperty:description>The information dictionary's ${key}</pdfaProperty:description>
</rdf:li>`
		)
		.join('\n');
	return `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas>
<rdf:Bag>
<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>cofund document claims</pdfaSchema:schema>
<pdfaSchema:namespaceURI>${COFUND_XMP_NAMESPACE}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>${PREFIX}</pdfaSchema:prefix>
<pdfaSchema:property>
<rdf:Seq>
${properties}
</rdf:Seq>
</pdfaSchema:property>
</rdf:li>
</rdf:Bag>
</pdfaExtension:schemas>
</rdf:Description>`;
}

/** The rdf:Description elements that mirror `info`; pdfkit adds the pdfaid one and the wrapper. */
export function infoXmp(info: PdfInfo): string {
	const text = (key: string) => {
		const value = info[key];
		return typeof value === 'string' ? escapeXml(value) : undefined;
	};
	const parts: string[] = [];
	const created = info.CreationDate instanceof Date ? info.CreationDate : undefined;
	parts.push(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
${created ? `<xmp:CreateDate>${xmpDate(created)}</xmp:CreateDate>\n` : ''}${text('Creator') ? `<xmp:CreatorTool>${text('Creator')}</xmp:CreatorTool>\n` : ''}</rdf:Description>`);
	parts.push(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
${text('Title') ? `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${text('Title')}</rdf:li></rdf:Alt></dc:title>\n` : ''}${text('Author') ? `<dc:creator><rdf:Seq><rdf:li>${text('Author')}</rdf:li></rdf:Seq></dc:creator>\n` : ''}${text('Subject') ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${text('Subject')}</rdf:li></rdf:Alt></dc:description>\n` : ''}</rdf:Description>`);
	parts.push(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
${text('Producer') ? `<pdf:Producer>${text('Producer')}</pdf:Producer>\n` : ''}${text('Keywords') ? `<pdf:Keywords>${text('Keywords')}</pdf:Keywords>\n` : ''}</rdf:Description>`);
	const custom = customKeys(info);
	if (custom.length > 0) {
		parts.push(`<rdf:Description rdf:about="" xmlns:${PREFIX}="${COFUND_XMP_NAMESPACE}">
${custom.map(([key, value]) => `<${PREFIX}:${key}>${escapeXml(value)}</${PREFIX}:${key}>`).join('\n')}
</rdf:Description>`);
		parts.push(extensionSchema(custom.map(([key]) => key)));
	}
	return parts.join('\n');
}
