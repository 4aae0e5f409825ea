/**
 * The work of rendering one document once its data is read: template text → context → model →
 * charts → PDF bytes, or the same model and charts as a Word document. It needs no database and its input and output are plain values, so it runs
 * in a worker thread (`render-worker.ts`) where a hostile template can exhaust only that thread.
 */
import type { Locale } from '$lib/domain/locale';
import { buildContext, type TemplateScope } from '$lib/domain/documents/build-context';
import { documentChart } from '$lib/domain/documents/document-charts';
import type { DocumentData } from '$lib/domain/documents/document-data';
import { compileTemplate, parseTemplate } from '$lib/domain/documents/parse-template';
import { RenderBudget, type RenderLimits } from '$lib/domain/documents/render-budget';
import { renderDocument } from '$lib/domain/documents/render-document';
import type { ChartName } from '$lib/domain/documents/template-definition';
import { toPdfmake, type TaggedDefinition } from '$lib/domain/documents/to-pdfmake';
import { toDocx } from '$lib/domain/documents/to-docx';
import { chartWords } from './chart-words';
import { chartImage } from './chart-image';
import { packDocx } from './pack-docx';
import { renderPdf } from './render-pdf';

export type DocumentFormat = 'pdf' | 'docx';

export interface RenderInput {
	/** What errors call the template (its file, or "id v3"), and its text. */
	label: string;
	source: string;
	templateId: string;
	version: number;
	lang: Locale;
	/** The date the document carries (YYYY-MM-DD). */
	date: string;
	data: DocumentData;
	/** The keys written into the PDF's information dictionary. */
	keys: Record<string, string>;
	limits?: RenderLimits | undefined;
	/** PDF when absent. */
	format?: DocumentFormat | undefined;
}

/** The fields the template reads, as the document is rendered with them. */
export function renderContext(
	input: Omit<RenderInput, 'keys' | 'limits'>,
	parsed = parseTemplate(input.label, input.source)
): TemplateScope {
	const { data } = input;
	return buildContext(data, {
		lang: input.lang,
		date: input.date,
		template: input.templateId,
		version: input.version,
		expenseLimit: parsed.definition.limits.expense_rows,
		csvLink: `/projects/${data.plan.code}/expenses/csv`
	});
}

/** The document's model and its charts drawn, for either format. */
function laidOutModel(input: RenderInput) {
	const { data, lang } = input;
	const parsed = parseTemplate(input.label, input.source);
	const compiled = compileTemplate(parsed, lang, data.plan.currency);
	const scope = renderContext(input, parsed);
	// One budget for the whole document: the footers pdfmake draws below spend from it too.
	const rendered = renderDocument(compiled, scope, new RenderBudget(input.limits));
	// The PDF's own title names the project, whatever the template calls itself.
	const model = { ...rendered, title: `${rendered.title} – ${data.plan.code}` };

	const pngs = new Map<ChartName, Buffer>();
	const words = chartWords(lang);
	for (const block of model.blocks)
		if (block.kind === 'chart' && !pngs.has(block.chart))
			pngs.set(
				block.chart,
				chartImage(
					documentChart(block.chart, data, lang, words, input.date),
					block.width,
					block.height
				)
			);
	return { model, pngs };
}

/** The pdfmake definition of a document (what `renderPdf` draws). */
export function pdfDefinition(input: RenderInput): TaggedDefinition {
	const { data, lang } = input;
	const { model, pngs } = laidOutModel(input);
	const charts = new Map(
		[...pngs].map(([name, png]) => [name, `data:image/png;base64,${png.toString('base64')}`])
	);
	return toPdfmake(model, charts, {
		creationDate: new Date(`${input.date}T12:00:00Z`),
		keys: input.keys,
		lang,
		logo: data.letterhead?.logo
			? `data:${data.letterhead.logo.type};base64,${data.letterhead.logo.base64}`
			: undefined
	});
}

export async function renderJob(input: RenderInput): Promise<Buffer> {
	if (input.format !== 'docx') return renderPdf(pdfDefinition(input));
	const { data, lang } = input;
	const { model, pngs } = laidOutModel(input);
	return packDocx(
		toDocx(model, {
			charts: pngs,
			logo: data.letterhead?.logo ? Buffer.from(data.letterhead.logo.base64, 'base64') : undefined,
			keys: input.keys,
			language: lang === 'lv' ? 'lv-LV' : 'en-GB'
		}),
		input.date
	);
}
