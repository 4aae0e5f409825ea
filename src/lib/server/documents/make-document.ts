/**
 * Makes a document: template version → data → context → model → charts → PDF. The PDF's date is
 * the document's date parameter, never the clock, and its information dictionary names the
 * template version, the data fingerprint and the audit chain's head, so the same inputs give the
 * same bytes and an auditor can tell what a file claims to be. `storeDocument` keeps it,
 * immutable, with all of that.
 */
import type { Locale } from '$lib/domain/locale';
import { buildContext } from '$lib/domain/documents/build-context';
import { documentChart, type ChartWords } from '$lib/domain/documents/document-charts';
import { compileTemplate } from '$lib/domain/documents/parse-template';
import { renderDocument } from '$lib/domain/documents/render-document';
import type { ChartName } from '$lib/domain/documents/template-definition';
import { toPdfmake } from '$lib/domain/documents/to-pdfmake';
import { m } from '$lib/paraglide/messages.js';
import type { Database } from '../db';
import { documents } from '../db/schema';
import { recordAudit, type Actor } from '../audit/record-audit';
import { chartImage } from './chart-image';
import { fingerprintOf, loadDocumentData, packSnapshot, sha256Hex } from './load-document-data';
import { renderPdf } from './render-pdf';
import { currentTemplate, templateVersion, type LoadedTemplate } from './template-store';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AuditHead } from '../audit/audit-anchor';
import { currentHead } from '../audit/audit-context';

export interface DocumentRequest {
	project: string;
	template: string;
	lang: Locale;
	/** A template version; the current one when absent. */
	version?: number | undefined;
	/** The date the document carries (YYYY-MM-DD); today when absent. */
	date?: string | undefined;
	/**
	 * The audit head to print; when absent, the one a document kept from these same inputs
	 * printed (so that making it again gives its bytes), else the chain's head now.
	 */
	auditHead?: AuditHead | undefined;
}

/** The inputs besides the data, as stored and as written into the PDF. */
export interface DocumentParameters {
	project: string;
	template: string;
	version: number;
	lang: Locale;
	date: string;
	/** The audit chain's head when the document was first made: a copy of it outside the database. */
	auditHead?: AuditHead;
}

export interface MadeDocument {
	pdf: Buffer;
	sha256: string;
	fingerprint: string;
	parameters: DocumentParameters;
	projectId: number;
	/** The canonical JSON of the data; kept gzip'd beside a stored document. */
	canonical: string;
	fileName: string;
}

export class UnknownProjectError extends Error {
	constructor(readonly code: string) {
		super(`no project ${code}`);
		this.name = 'UnknownProjectError';
	}
}

/** The keys cofund writes into a PDF's information dictionary. */
export const PDF_KEYS = {
	template: 'CofundTemplate',
	version: 'CofundTemplateVersion',
	fingerprint: 'CofundFingerprint',
	project: 'CofundProject',
	parameters: 'CofundParameters',
	auditHead: 'CofundAuditHead'
} as const;

function chartWords(lang: Locale): ChartWords {
	const say = { locale: lang };
	return {
		prefinancing: m.prefinancing({}, say),
		cofinancing: m.cofinancing({}, say),
		actual: m.dashboard_actual({}, say),
		spent: m.dashboard_spent({}, say),
		proRata: m.dashboard_pro_rata({}, say),
		plan: m.dashboard_plan({}, say),
		planned: m.dashboard_planned({}, say),
		completed: m.dashboard_done({}, say),
		cancelled: m.dashboard_cancelled({}, say),
		plannedMonth: m.dashboard_planned_month({}, say),
		tookPlace: m.dashboard_took_place({}, say),
		event: (number) => m.dashboard_event({ number: String(number) }, say)
	};
}

export const today = () => new Date().toISOString().slice(0, 10);

export async function resolveTemplate(
	db: Database,
	request: Pick<DocumentRequest, 'template' | 'version'>
): Promise<LoadedTemplate> {
	return request.version === undefined
		? currentTemplate(db, request.template)
		: templateVersion(db, request.template, request.version);
}

/** The head printed in a kept document made from the same inputs and data, if there is one. */
async function keptHead(
	db: Database,
	projectId: number,
	parameters: DocumentParameters,
	fingerprint: string
): Promise<AuditHead | undefined> {
	const [kept] = await db
		.select({ parameters: documents.parameters })
		.from(documents)
		.where(
			and(
				eq(documents.projectId, projectId),
				eq(documents.templateId, parameters.template),
				eq(documents.templateVersion, parameters.version),
				eq(documents.lang, parameters.lang),
				eq(documents.fingerprint, fingerprint),
				sql`${documents.parameters}->>'date' = ${parameters.date}`,
				sql`${documents.parameters} ? 'auditHead'`
			)
		)
		.orderBy(asc(documents.id))
		.limit(1);
	return (kept?.parameters as DocumentParameters | undefined)?.auditHead;
}

export async function makeDocument(db: Database, request: DocumentRequest): Promise<MadeDocument> {
	const template = await resolveTemplate(db, request);
	const { definition } = template.parsed;
	const loaded = await loadDocumentData(db, request.project, definition.data);
	if (!loaded) throw new UnknownProjectError(request.project);
	const { data, projectId } = loaded;
	const compiled = compileTemplate(template.parsed, request.lang, data.plan.currency);
	const { fingerprint, canonical } = fingerprintOf(data);
	const inputs = {
		project: data.plan.code,
		template: template.templateId,
		version: template.version,
		lang: request.lang,
		date: request.date ?? today()
	};
	const head =
		request.auditHead ??
		(await keptHead(db, projectId, inputs, fingerprint)) ??
		(await currentHead(db));
	// Rebuilt in one key order: jsonb hands a kept head back with its keys reordered.
	const auditHead: AuditHead = { events: head.events, hash: head.hash };
	const parameters: DocumentParameters = { ...inputs, auditHead };
	const scope = buildContext(data, {
		lang: request.lang,
		date: parameters.date,
		template: template.templateId,
		version: template.version,
		expenseLimit: definition.limits.expense_rows,
		csvLink: `/projects/${data.plan.code}/expenses/csv`
	});
	const rendered = renderDocument(compiled, scope);
	// The PDF's own title names the project, whatever the template calls itself.
	const model = { ...rendered, title: `${rendered.title} – ${data.plan.code}` };

	const charts = new Map<ChartName, string>();
	const words = chartWords(request.lang);
	for (const block of model.blocks)
		if (block.kind === 'chart' && !charts.has(block.chart)) {
			const png = chartImage(
				documentChart(block.chart, data, request.lang, words),
				block.width,
				block.height
			);
			charts.set(block.chart, `data:image/png;base64,${png.toString('base64')}`);
		}

	const pdf = await renderPdf(
		toPdfmake(model, charts, {
			creationDate: new Date(`${parameters.date}T12:00:00Z`),
			keys: {
				[PDF_KEYS.template]: template.templateId,
				[PDF_KEYS.version]: String(template.version),
				[PDF_KEYS.fingerprint]: fingerprint,
				[PDF_KEYS.project]: data.plan.code,
				[PDF_KEYS.parameters]: JSON.stringify(parameters),
				[PDF_KEYS.auditHead]: `${auditHead.events} ${auditHead.hash}`
			}
		})
	);
	return {
		pdf,
		sha256: sha256Hex(pdf),
		fingerprint,
		parameters,
		projectId,
		canonical,
		fileName: `${data.plan.code}-${template.templateId}-${request.lang}-v${template.version}-${parameters.date}.pdf`
	};
}

export interface StoredDocument {
	id: number;
	sha256: string;
	/** False when the very same bytes had been made and kept before. */
	created: boolean;
}

/** Keeps a made document; the same bytes made twice are one document (their SHA-256 is unique). */
export async function storeDocument(
	db: Database,
	made: MadeDocument,
	actor: Actor
): Promise<StoredDocument> {
	return db.transaction(async (tx) => {
		const [inserted] = await tx
			.insert(documents)
			.values({
				projectId: made.projectId,
				templateId: made.parameters.template,
				templateVersion: made.parameters.version,
				lang: made.parameters.lang,
				parameters: made.parameters,
				fingerprint: made.fingerprint,
				snapshot: packSnapshot(made.canonical),
				sha256: made.sha256,
				pdf: new Uint8Array(made.pdf),
				bytes: made.pdf.length,
				createdBy: actor.email
			})
			.onConflictDoNothing({ target: documents.sha256 })
			.returning({ id: documents.id });
		const id =
			inserted?.id ??
			(
				await tx
					.select({ id: documents.id })
					.from(documents)
					.where(eq(documents.sha256, made.sha256))
			)[0]!.id;
		await recordAudit(tx, actor, {
			action: 'document.generate',
			objectType: 'document',
			objectId: String(id),
			after: {
				...made.parameters,
				sha256: made.sha256,
				fingerprint: made.fingerprint,
				repeated: !inserted
			}
		});
		return { id, sha256: made.sha256, created: Boolean(inserted) };
	});
}
